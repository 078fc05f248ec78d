using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Profiles;

/// <summary>An import profile's tag lists read into patterns, checked once when the profile is saved or loaded.</summary>
internal sealed class ProfileRules
{
    private ProfileRules(ImportProfile profile, IReadOnlyList<TagPattern> fieldsToDelete, IReadOnlyList<TagPattern> protectedFields)
    {
        Profile = profile;
        FieldsToDelete = fieldsToDelete;
        ProtectedFields = protectedFields;
    }

    /// <summary>The profile these rules come from.</summary>
    public ImportProfile Profile { get; }

    /// <summary>Tags removed from incoming records (gateway §7 step 3).</summary>
    public IReadOnlyList<TagPattern> FieldsToDelete { get; }

    /// <summary>Local fields kept from the existing record on overlay: always 9XX, then the profile's list (gateway §7 step 5).</summary>
    public IReadOnlyList<TagPattern> ProtectedFields { get; }

    /// <summary>Reads a profile's patterns; the errors name the profile and each bad pattern.</summary>
    public static ProfileRules Create(ImportProfile profile, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        var delete = Read(profile, profile.FieldsToDelete, "fields to delete", problems);
        var protect = Read(profile, profile.ProtectedFields, "protected fields", problems);
        if (!protect.Contains(TagPattern.LocalFields))
        {
            protect.Insert(0, TagPattern.LocalFields);
        }

        errors = problems;
        return new ProfileRules(profile, delete, protect);
    }

    /// <summary>True when the tag is a local field the profile protects.</summary>
    public bool IsProtected(string tag) => ProtectedFields.Any(p => p.Matches(tag));

    /// <summary>True when the profile deletes this tag from incoming records.</summary>
    public bool IsDeleted(string tag) => FieldsToDelete.Any(p => p.Matches(tag));

    private static List<TagPattern> Read(ImportProfile profile, IReadOnlyList<string> texts, string what, List<string> problems)
    {
        var patterns = new List<TagPattern>();
        foreach (var text in texts)
        {
            if (TagPattern.TryParse(text, out var pattern))
            {
                patterns.Add(pattern!);
            }
            else
            {
                problems.Add($"Profile '{profile.Name}': '{text}' in {what} is not a tag or tag pattern (three characters, digits or X, e.g. 029 or 9XX).");
            }
        }

        return patterns;
    }
}
