namespace Marcgate.Catalog.Storage;

/// <summary>The words for actor and subject kinds, as the stores keep them and the command line and console show and read them.</summary>
public static class AuditNames
{
    private static readonly (AuditSubjectKind Kind, string Name)[] s_subjects =
    [
        (AuditSubjectKind.Account, "account"),
        (AuditSubjectKind.Profile, "profile"),
        (AuditSubjectKind.Repository, "repository"),
        (AuditSubjectKind.StaffUser, "staff-user"),
        (AuditSubjectKind.ReviewItem, "review-item"),
        (AuditSubjectKind.Record, "record"),
    ];

    /// <summary>Every subject kind's word, in the order of <see cref="AuditSubjectKind"/>.</summary>
    public static IReadOnlyList<string> SubjectKinds { get; } = [.. s_subjects.Select(s => s.Name)];

    /// <summary>The word for a subject kind: <c>account</c>, <c>profile</c>, <c>repository</c>, <c>staff-user</c>, <c>review-item</c> or <c>record</c>.</summary>
    public static string Subject(AuditSubjectKind kind) => s_subjects.First(s => s.Kind == kind).Name;

    /// <summary>The subject kind a word names (compared ordinally, ignoring case).</summary>
    public static bool TryParseSubject(string? text, out AuditSubjectKind kind)
    {
        foreach (var (k, name) in s_subjects)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The word for an actor kind: <c>local</c> or <c>staff</c>.</summary>
    public static string Actor(AuditActorKind kind) => kind == AuditActorKind.StaffUser ? "staff" : "local";

    /// <summary>The actor kind a word names: <c>local</c> or <c>staff</c>.</summary>
    public static bool TryParseActor(string? text, out AuditActorKind kind)
    {
        kind = text == "staff" ? AuditActorKind.StaffUser : AuditActorKind.LocalUser;
        return text is "staff" or "local";
    }
}
