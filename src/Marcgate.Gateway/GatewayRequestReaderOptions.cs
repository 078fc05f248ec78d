namespace Marcgate.Gateway;

/// <summary>Limits for <see cref="GatewayRequestReader"/>; the defaults are safe for untrusted clients.</summary>
public sealed record GatewayRequestReaderOptions
{
    /// <summary>The defaults: 1 MB per request.</summary>
    public static GatewayRequestReaderOptions Default { get; } = new();

    /// <summary>Largest request (logon fields, record and EOT) accepted, in bytes; beyond it the reply is <c>too-large</c>.</summary>
    public int MaxRequestBytes { get; init; } = 1 << 20;
}
