namespace Marcgate.Gateway;

/// <summary>One request as received (gateway §3): the logon fields that came and the ISO 2709 record.</summary>
public sealed record GatewayRequest
{
    /// <summary>Gateway (logon fields present) or raw (§2).</summary>
    public required GatewayDialect Dialect { get; init; }

    /// <summary>The <c>A</c> field (logon ID) as sent, or null when absent (§3.1).</summary>
    public string? LogonId { get; init; }

    /// <summary>The <c>P</c> field (password) as sent, or null when absent; never log it.</summary>
    public string? Password { get; init; }

    /// <summary>The <c>U</c> field (user ID) as sent, or null when absent.</summary>
    public string? UserId { get; init; }

    /// <summary>The record's bytes, from its leader through its terminator 0x1D.</summary>
    public required ReadOnlyMemory<byte> Record { get; init; }

    /// <summary>The record length its leader declares (leader/00-04).</summary>
    public required int DeclaredRecordLength { get; init; }

    /// <summary>True when the leader lied and the record was delimited by the §3.3 fallback.</summary>
    public bool RecordLengthRecovered => DeclaredRecordLength != Record.Length;

    /// <summary>True when an EOT (NUL) closed the request (§5 rule 2).</summary>
    public bool EndedWithEot { get; init; }

    /// <summary>The logon ID to authenticate: <c>A</c>, or <c>U</c> when no <c>A</c> came (§3.1).</summary>
    public string? EffectiveLogonId => LogonId ?? UserId;

    /// <summary>Who exported, for audit: <c>U</c> when it is not standing in for the logon ID (§3.1).</summary>
    public string? ExportingUserId => LogonId is null ? null : UserId;

    /// <inheritdoc />
    public override string ToString() =>
        $"GatewayRequest {{ Dialect = {Dialect}, LogonId = {LogonId}, UserId = {UserId}, Password = {(Password is null ? "none" : "(hidden)")}, Record = {Record.Length} bytes }}";
}
