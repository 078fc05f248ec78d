namespace Marcgate.Gateway.Client;

/// <summary>How a reply ended (gateway §4).</summary>
public enum GatewayReplyEnd
{
    /// <summary>The host ended it with a NUL byte, as the protocol asks.</summary>
    Nul,

    /// <summary>The host closed the connection after sending text but no NUL.</summary>
    Closed,
}
