namespace Marcgate.Catalog.Storage;

/// <summary>What the import pipeline asks the store to commit for one request: a new record, or an overlay of the record it matched (gateway §7 steps 5–9).</summary>
/// <param name="Repository">The account's repository.</param>
/// <param name="Content">The ISO 2709 bytes to store (after decoding, normalising and merging).</param>
/// <param name="OclcNumbers">Every normalised OCLC number the content carries (035 $a, 001/003, 019 $a, 035 $z); each must belong to no other record of the repository.</param>
/// <param name="At">The commit's time, kept with the receipt; the version's time is the store's clock as it commits, after the version before it.</param>
/// <param name="PeerAddress">The client's address, for the receipt.</param>
public sealed record RecordCommit(
    string Repository,
    ReadOnlyMemory<byte> Content,
    IReadOnlyCollection<OclcNumber> OclcNumbers,
    DateTimeOffset At,
    string PeerAddress)
{
    /// <summary>The record being overlaid, or null to add a new record.</summary>
    public RecordId? ExistingId { get; init; }

    /// <summary>The version of <see cref="ExistingId"/> the caller matched and merged with; ignored when adding.</summary>
    public int ExpectedVersion { get; init; }

    /// <summary>
    /// For a record without OCLC numbers that is recognised by its content (gateway §7 step 7): the add is refused with
    /// <see cref="CommitStatus.ContentConflict"/> when a record of the repository stored without numbers already holds
    /// these bytes as its current version, so two identical records sent at once, to any host sharing the store, make one record.
    /// </summary>
    public bool MatchOnContent { get; init; }

    /// <summary>The number the receipt and the reply show (035 $a or 001), if any.</summary>
    public OclcNumber? PrimaryOclcNumber { get; init; }

    /// <summary>The logon that sent the record.</summary>
    public string? LogonId { get; init; }

    /// <summary>The <c>U</c> field sent with the record (gateway §3.1).</summary>
    public string? UserId { get; init; }

    /// <summary>The human line of the reply, kept in the receipt (gateway §4).</summary>
    public string? Message { get; init; }

    /// <summary>The import's correlation ID, kept in the receipt.</summary>
    public string? CorrelationId { get; init; }
}
