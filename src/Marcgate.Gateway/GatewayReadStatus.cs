namespace Marcgate.Gateway;

/// <summary>What <see cref="GatewayRequestReader"/> found in the buffered bytes.</summary>
public enum GatewayReadStatus
{
    /// <summary>Only bytes ignored between requests (spaces, lone NULs, §5); discard <see cref="GatewayReadResult.Consumed"/> bytes.</summary>
    Idle,

    /// <summary>A request has begun and more bytes are needed.</summary>
    NeedMoreData,

    /// <summary>A record ends with 0x1D but not where its leader says: complete if nothing more arrives within the settle time (§3.3, §5 rule 4).</summary>
    CompleteIfQuiet,

    /// <summary>A whole request: see <see cref="GatewayReadResult.Request"/>.</summary>
    Complete,

    /// <summary>The bytes cannot become a request: reply with <see cref="GatewayReadResult.ErrorCode"/> and close, since framing is lost.</summary>
    Invalid,
}
