using System.Diagnostics.Metrics;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Metrics;

/// <summary>Refused logons and lockouts (gateway §7 step 1).</summary>
internal static class LogonMetrics
{
    /// <summary>No logon ID was sent.</summary>
    public const string NoLogonId = "no-logon-id";

    /// <summary>No account has the logon ID.</summary>
    public const string UnknownLogonId = "unknown-logon-id";

    /// <summary>The password does not match the account's.</summary>
    public const string WrongPassword = "wrong-password";

    /// <summary>The logon ID or the peer address is locked out; the password was not checked.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>The password was right but the peer address is not on the account's allow-list.</summary>
    public const string AllowList = "allow-list";

    private static readonly Counter<long> s_failures = MarcgateMeter.Meter.CreateCounter<long>(
        "marcgate.logon.failures",
        "{logon}",
        "Logons refused, by reason.");

    private static readonly Counter<long> s_lockouts = MarcgateMeter.Meter.CreateCounter<long>(
        "marcgate.logon.lockouts",
        "{lockout}",
        "Logon IDs, peer addresses and logon IDs at an address locked out by repeated failed logons.");

    public static void Refused(string reason) => s_failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void LockedOutKey(LockoutScope scope) =>
        s_lockouts.Add(1, new KeyValuePair<string, object?>("scope", scope switch
        {
            LockoutScope.LogonId => "logon-id",
            LockoutScope.PeerAddress => "peer-address",
            LockoutScope.LogonIdAtAddress => "logon-id-at-address",
            _ => "staff-user",
        }));
}
