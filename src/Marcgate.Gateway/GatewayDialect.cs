namespace Marcgate.Gateway;

/// <summary>The two ways a client frames a record (gateway §2).</summary>
public enum GatewayDialect
{
    /// <summary>"OCLC Gateway Export": logon fields, then the record.</summary>
    Gateway,

    /// <summary>"Connection" (TCP/IP) destination: the record alone, possibly after Telnet negotiation.</summary>
    Raw,
}
