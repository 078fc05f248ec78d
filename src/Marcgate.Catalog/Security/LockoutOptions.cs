namespace Marcgate.Catalog.Security;

/// <summary>
/// When repeated failed logons lock a logon ID, a peer address, or a logon ID at one address out (<c>code=locked-out</c>,
/// gateway §4), and how much they slow the answers for a logon ID.
/// </summary>
public sealed class LockoutOptions
{
    /// <summary>Failed logons of one logon ID from one address within <see cref="Window"/> that lock that logon ID out at that address; 0 turns it off.</summary>
    public int MaxFailuresPerLogonIdAtAddress { get; set; } = 5;

    /// <summary>
    /// Failed logons of one logon ID from every address within <see cref="Window"/> that lock it out for every address
    /// it has not logged on from within <see cref="KnownAddressPeriod"/>; 0 turns it off.
    /// </summary>
    public int MaxFailuresPerLogonId { get; set; } = 10;

    /// <summary>Failed logons from one peer address within <see cref="Window"/> that lock it out for every logon ID; higher than per ID, since a consortium's catalogers may share one NAT address. 0 turns it off.</summary>
    public int MaxFailuresPerPeerAddress { get; set; } = 20;

    /// <summary>How far back failures count.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a lockout lasts from the failure that caused it.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an address a logon ID logged on from stays known to it: failures from other addresses never lock it out there.</summary>
    public TimeSpan KnownAddressPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How much each failure of a logon ID within <see cref="Window"/> delays the next password check for it, from any address; 0 turns delays off.</summary>
    public TimeSpan FailureDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay before a password check, however many failures the logon ID has.</summary>
    public TimeSpan MaxFailureDelay { get; set; } = TimeSpan.FromSeconds(3);
}
