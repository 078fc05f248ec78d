using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Profiles;

/// <summary>Checks an import profile before it is saved, so a bad tag pattern is refused at the command line, not at import time.</summary>
public static class ImportProfileCheck
{
    /// <summary>What is wrong with the profile, one message per bad pattern naming the profile; empty when it is usable.</summary>
    public static IReadOnlyList<string> Problems(ImportProfile profile)
    {
        ProfileRules.Create(profile, out var errors);
        return errors;
    }
}
