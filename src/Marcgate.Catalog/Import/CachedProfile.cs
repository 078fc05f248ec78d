using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Import;

/// <summary>A profile as read from the store, with its rules read once (or the errors that stop it being used).</summary>
internal sealed class CachedProfile
{
    private CachedProfile(ImportProfile profile, ProfileRules rules, IReadOnlyList<string> errors, DateTimeOffset readAt)
    {
        Profile = profile;
        Rules = rules;
        Errors = errors;
        ReadAt = readAt;
    }

    /// <summary>The profile.</summary>
    public ImportProfile Profile { get; }

    /// <summary>Its tag patterns read.</summary>
    public ProfileRules Rules { get; }

    /// <summary>What is wrong with its patterns; empty when it can be used.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>When it was read from the store.</summary>
    public DateTimeOffset ReadAt { get; }

    /// <summary>Reads the profile's rules.</summary>
    public static CachedProfile Create(ImportProfile profile, DateTimeOffset readAt)
    {
        var rules = ProfileRules.Create(profile, out var errors);
        return new CachedProfile(profile, rules, errors, readAt);
    }
}
