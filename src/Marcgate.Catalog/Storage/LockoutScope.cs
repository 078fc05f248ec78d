namespace Marcgate.Catalog.Storage;

/// <summary>What failed logons are counted against for lockout (issue 3, security).</summary>
public enum LockoutScope
{
    /// <summary>Failures per logon ID.</summary>
    LogonId,

    /// <summary>Failures per peer address.</summary>
    PeerAddress,
}
