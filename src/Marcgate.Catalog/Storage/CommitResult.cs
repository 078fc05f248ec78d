namespace Marcgate.Catalog.Storage;

/// <summary>The outcome of a commit.</summary>
/// <param name="Status">What happened.</param>
/// <param name="RecordId">The record added, overlaid or unchanged; for a conflict, the record holding the conflicting OCLC number or content, or the one that moved on; null otherwise.</param>
/// <param name="Version">The record's current version after the commit (0 on conflict).</param>
/// <param name="ReceiptId">The receipt written with the commit, or null on conflict.</param>
public sealed record CommitResult(CommitStatus Status, RecordId? RecordId, int Version, long? ReceiptId)
{
    /// <summary>True when the record is stored (added, overlaid or unchanged) and durable.</summary>
    public bool Succeeded => Status is CommitStatus.Added or CommitStatus.Overlaid or CommitStatus.Unchanged;
}
