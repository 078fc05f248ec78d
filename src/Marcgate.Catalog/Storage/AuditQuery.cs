namespace Marcgate.Catalog.Storage;

/// <summary>Which entries to read from the audit log: every filter given must hold; the latest <see cref="Limit"/> are returned, newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>How many of the latest matching entries to return.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Only entries at or after this time, or any when null.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only entries about this kind of subject, or any when null.</summary>
    public AuditSubjectKind? SubjectKind { get; init; }

    /// <summary>Only entries about a subject of this name (compared ordinally), or any when null.</summary>
    public string? SubjectName { get; init; }
}
