namespace Marcgate.Catalog.Import;

/// <summary>What the host received in one gateway request (gateway §3), handed to the import pipeline (§7).</summary>
/// <param name="LogonId">The <c>A</c> field (or <c>U</c> when no <c>A</c> came, §3.1); null when none was sent.</param>
/// <param name="Password">The <c>P</c> field; never logged.</param>
/// <param name="UserId">The <c>U</c> field when it is not used as the logon ID: who exported, for audit.</param>
/// <param name="PeerAddress">The client's address, for lockout, allow-lists and the receipt log.</param>
/// <param name="Record">The record bytes as received and read (<see cref="IGatewayImporter.Read"/>).</param>
public sealed record ImportRequest(string? LogonId, string? Password, string? UserId, string PeerAddress, ReceivedRecord Record)
{
    /// <summary>The import's correlation ID (<see cref="ImportCorrelation"/>), or null for the pipeline to make one.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>
    /// The account a request without a logon ID uses, when the listener names one (<c>Gateway:DefaultAccount</c>); it is used
    /// only from an address on that account's allow list.
    /// </summary>
    public string? DefaultLogonId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ImportRequest {{ LogonId = {LogonId}, UserId = {UserId}, PeerAddress = {PeerAddress}, CorrelationId = {CorrelationId}, Record = {Record.Bytes.Length} bytes }}";
}
