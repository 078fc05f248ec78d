namespace Marcgate.Catalog.Storage;

/// <summary>What failed logons are counted against for lockout (gateway §7 step 1).</summary>
public enum LockoutScope
{
    /// <summary>Failures per logon ID, from every address.</summary>
    LogonId,

    /// <summary>Failures per peer address, of every logon ID.</summary>
    PeerAddress,

    /// <summary>Failures of one logon ID from one peer address.</summary>
    LogonIdAtAddress,
}
