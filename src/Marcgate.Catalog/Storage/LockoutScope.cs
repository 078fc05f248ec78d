namespace Marcgate.Catalog.Storage;

/// <summary>What failed logons are counted against for lockout (gateway §7 step 1).</summary>
public enum LockoutScope
{
    /// <summary>Failures per logon ID.</summary>
    LogonId,

    /// <summary>Failures per peer address.</summary>
    PeerAddress,

    /// <summary>Failures per staff user of the web console.</summary>
    StaffUser,
}
