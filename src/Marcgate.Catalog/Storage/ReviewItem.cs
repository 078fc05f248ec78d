namespace Marcgate.Catalog.Storage;

/// <summary>An incoming record kept for a cataloger because it matched several records (gateway §7 step 5, <c>code=multiple-matches</c>).</summary>
/// <param name="Repository">The repository it was sent to.</param>
/// <param name="Content">The ISO 2709 bytes as normalised for matching.</param>
/// <param name="CandidateIds">The records it matched.</param>
/// <param name="Reason">Why it was not imported, for people.</param>
/// <param name="At">When it arrived.</param>
public sealed record ReviewItem(string Repository, ReadOnlyMemory<byte> Content, IReadOnlyList<RecordId> CandidateIds, string Reason, DateTimeOffset At)
{
    /// <summary>The item's sequence number; 0 until added.</summary>
    public long Id { get; init; }

    /// <summary>The logon that sent it.</summary>
    public string? LogonId { get; init; }

    /// <summary>The <c>U</c> field sent with it (gateway §3.1).</summary>
    public string? UserId { get; init; }

    /// <summary>The client's address.</summary>
    public string? PeerAddress { get; init; }

    /// <summary>How the item was resolved, or null while it waits for review.</summary>
    public ReviewResolution? Resolution { get; init; }
}
