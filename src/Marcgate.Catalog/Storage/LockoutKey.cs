using System.Diagnostics.CodeAnalysis;

namespace Marcgate.Catalog.Storage;

/// <summary>The logon ID, peer address, or logon ID at one peer address whose failed logons are counted.</summary>
/// <param name="Scope">Which kind of key this is.</param>
/// <param name="Value">The logon ID, the peer address, or for <see cref="LockoutScope.LogonIdAtAddress"/> the logon ID, a space and the address.</param>
public readonly record struct LockoutKey(LockoutScope Scope, string Value)
{
    /// <summary>The key counting failures of a logon ID.</summary>
    public static LockoutKey ForLogonId(string logonId) => new(LockoutScope.LogonId, logonId);

    /// <summary>The key counting failures from a peer address.</summary>
    public static LockoutKey ForPeerAddress(string peerAddress) => new(LockoutScope.PeerAddress, peerAddress);

    /// <summary>The key counting failures of a logon ID from one peer address.</summary>
    // An address never holds a space, so the last space splits the pair back even when a logon ID sent on the wire has one.
    public static LockoutKey ForLogonIdAtAddress(string logonId, string peerAddress) => new(LockoutScope.LogonIdAtAddress, logonId + " " + peerAddress);

    /// <summary>The logon ID and the address of a <see cref="LockoutScope.LogonIdAtAddress"/> key; false for the other scopes.</summary>
    public bool TryGetLogonIdAndAddress([NotNullWhen(true)] out string? logonId, [NotNullWhen(true)] out string? peerAddress)
    {
        var space = Value.LastIndexOf(' ');
        if (Scope != LockoutScope.LogonIdAtAddress || space < 0)
        {
            logonId = peerAddress = null;
            return false;
        }

        logonId = Value[..space];
        peerAddress = Value[(space + 1)..];
        return true;
    }

    /// <summary>The key counting failed sign-ins of a staff user of the web console.</summary>
    public static LockoutKey ForStaffUser(string name) => new(LockoutScope.StaffUser, name);
}
