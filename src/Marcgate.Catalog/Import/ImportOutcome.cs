namespace Marcgate.Catalog.Import;

/// <summary>The result of importing one record: what the host's reply (gateway §4) reports.</summary>
/// <param name="Ok">True for <c>status=ok</c>.</param>
/// <param name="Action">On success: <c>added</c>, <c>overlaid</c>, <c>unchanged</c> or <c>staged</c>.</param>
/// <param name="Code">On failure: the closed error code of §4 (<c>logon-failed</c>, <c>invalid-record</c>, …).</param>
/// <param name="Message">The human line's text after "Import Failed." or the success sentence's details.</param>
public sealed record ImportOutcome(bool Ok, string? Action, string? Code, string Message)
{
    /// <summary>The repository the record went to.</summary>
    public string? Repository { get; init; }

    /// <summary>The stored record's identifier (e.g. <c>000123</c>).</summary>
    public string? RecordId { get; init; }

    /// <summary>The record's OCLC number, when it has one.</summary>
    public string? OclcNumber { get; init; }

    /// <summary>Warnings to show the cataloger (validation warnings, recoveries).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The import's correlation ID, as its receipt keeps it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>On a failure inside the host (a store error): what went wrong, for the host's log and the receipt; never sent to the client.</summary>
    public string? Detail { get; init; }
}
