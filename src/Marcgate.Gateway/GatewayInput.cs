namespace Marcgate.Gateway;

/// <summary>What the session knows about the bytes that have not arrived (gateway §5); the session owns the clock.</summary>
public enum GatewayInput
{
    /// <summary>More bytes may still come.</summary>
    Open,

    /// <summary>The settle time passed with no new bytes (§5 rule 4).</summary>
    Quiet,

    /// <summary>The client half-closed its side: nothing more will come (§5 rule 3).</summary>
    Ended,
}
