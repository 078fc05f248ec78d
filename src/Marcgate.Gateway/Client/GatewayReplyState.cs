namespace Marcgate.Gateway.Client;

/// <summary>Where a <see cref="GatewayReplyReader"/> stands after the bytes it was fed.</summary>
public enum GatewayReplyState
{
    /// <summary>No NUL yet: read more.</summary>
    NeedMore,

    /// <summary>The NUL arrived; the reply is whole.</summary>
    Complete,

    /// <summary>The reply exceeds the reader's limit; the host is not speaking the protocol.</summary>
    TooLong,
}
