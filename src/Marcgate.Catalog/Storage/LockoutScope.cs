namespace Marcgate.Catalog.Storage;

/// <summary>What failed logons are counted against for lockout (gateway §7 step 1).</summary>
public enum LockoutScope
{
    /// <summary>Failures per logon ID, from every address.</summary>
    LogonId = 0,

    /// <summary>Failures per peer address, of every logon ID.</summary>
    PeerAddress = 1,

    /// <summary>Failures of one logon ID from one peer address.</summary>
    LogonIdAtAddress = 2,

    /// <summary>Failures per staff user of the web console.</summary>
    StaffUser = 3,
}
