namespace Marcgate.Catalog.Storage;

/// <summary>The logon ID or peer address whose failed logons are counted.</summary>
/// <param name="Scope">Which kind of key this is.</param>
/// <param name="Value">The logon ID or the peer address.</param>
public readonly record struct LockoutKey(LockoutScope Scope, string Value)
{
    /// <summary>The key counting failures of a logon ID.</summary>
    public static LockoutKey ForLogonId(string logonId) => new(LockoutScope.LogonId, logonId);

    /// <summary>The key counting failures from a peer address.</summary>
    public static LockoutKey ForPeerAddress(string peerAddress) => new(LockoutScope.PeerAddress, peerAddress);

    /// <summary>The key counting failed sign-ins of a staff user of the web console.</summary>
    public static LockoutKey ForStaffUser(string name) => new(LockoutScope.StaffUser, name);
}
