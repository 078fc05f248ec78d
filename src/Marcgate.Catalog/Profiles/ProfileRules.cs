using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Catalog.Profiles;

/// <summary>An import profile's tag lists read into patterns, checked once when the profile is saved or loaded.</summary>
internal sealed class ProfileRules
{
    private ProfileRules(ImportProfile profile, TagPatternList fieldsToDelete, TagPatternList protectedFields)
    {
        Profile = profile;
        FieldsToDelete = fieldsToDelete;
        ProtectedFields = protectedFields;
    }

    /// <summary>The profile these rules come from.</summary>
    public ImportProfile Profile { get; }

    /// <summary>Tags removed from incoming records (gateway §7 step 3).</summary>
    public TagPatternList FieldsToDelete { get; }

    /// <summary>Local fields kept from the existing record on overlay: always 9XX, then the profile's list (gateway §7 step 5).</summary>
    public TagPatternList ProtectedFields { get; }

    /// <summary>Reads a profile's patterns; the errors name the profile and each bad pattern.</summary>
    public static ProfileRules Create(ImportProfile profile, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        var delete = Read(profile, profile.FieldsToDelete, "fields to delete", problems);
        var protect = Read(profile, [TagPattern.LocalFields.Text, .. profile.ProtectedFields], "protected fields", problems);
        errors = problems;
        return new ProfileRules(profile, delete, protect);
    }

    /// <summary>True when the tag is a local field the profile protects.</summary>
    public bool IsProtected(string tag) => ProtectedFields.Matches(tag);

    /// <summary>True when the profile deletes this tag from incoming records.</summary>
    public bool IsDeleted(string tag) => FieldsToDelete.Matches(tag);

    // Each stored entry is read on its own so that every bad one is reported and the good ones still apply.
    private static TagPatternList Read(ImportProfile profile, IReadOnlyList<string> texts, string what, List<string> problems)
    {
        var readable = new List<string>();
        foreach (var text in texts)
        {
            if (TagPatternList.TryParse(text, out _, out var error))
            {
                readable.Add(text);
            }
            else
            {
                problems.Add($"Profile '{profile.Name}': '{error.Token}' in {what} is not a tag or tag pattern: {error.Reason}.");
            }
        }

        return TagPatternList.TryParse(readable, out var patterns, out _) ? patterns : TagPatternList.Empty;
    }
}
