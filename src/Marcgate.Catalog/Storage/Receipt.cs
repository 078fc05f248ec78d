namespace Marcgate.Catalog.Storage;

/// <summary>One line of the receipt log (gateway §7 step 9): who sent what from where and what came of it. It has no place for a password.</summary>
/// <param name="At">When the request was answered.</param>
/// <param name="PeerAddress">The client's address.</param>
/// <param name="LogonId">The logon ID sent, if any (also for failed logons).</param>
/// <param name="UserId">The <c>U</c> field sent, if any (gateway §3.1).</param>
/// <param name="Ok">True for <c>status=ok</c> (gateway §4).</param>
public sealed record Receipt(DateTimeOffset At, string PeerAddress, string? LogonId, string? UserId, bool Ok)
{
    /// <summary>The receipt's sequence number; 0 until appended.</summary>
    public long Id { get; init; }

    /// <summary>On success: <c>added</c>, <c>overlaid</c>, <c>unchanged</c> or <c>staged</c> (gateway §4).</summary>
    public string? Action { get; init; }

    /// <summary>On failure: the closed error code of gateway §4 (<c>logon-failed</c>, <c>invalid-record</c>, …).</summary>
    public string? Code { get; init; }

    /// <summary>The repository concerned, when known.</summary>
    public string? Repository { get; init; }

    /// <summary>The record added, overlaid or unchanged.</summary>
    public RecordId? RecordId { get; init; }

    /// <summary>The record's OCLC number, when it has one.</summary>
    public OclcNumber? OclcNumber { get; init; }

    /// <summary>The reply's human line (gateway §4).</summary>
    public string? Message { get; init; }

    /// <summary>The import's correlation ID, also in the host's log line (<see cref="Import.ImportCorrelation"/>); null on receipts from before there were any.</summary>
    public string? CorrelationId { get; init; }
}
