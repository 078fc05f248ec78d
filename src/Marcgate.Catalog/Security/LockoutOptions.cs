namespace Marcgate.Catalog.Security;

/// <summary>When repeated failed logons lock a logon ID or a peer address out (<c>code=locked-out</c>, gateway §4).</summary>
public sealed class LockoutOptions
{
    /// <summary>Failed logons of one logon ID within <see cref="Window"/> that lock it out; 0 turns the per-ID lockout off.</summary>
    public int MaxFailuresPerLogonId { get; set; } = 5;

    /// <summary>Failed logons from one peer address within <see cref="Window"/> that lock it out; higher than per ID, since a consortium's catalogers may share one NAT address. 0 turns it off.</summary>
    public int MaxFailuresPerPeerAddress { get; set; } = 20;

    /// <summary>How far back failures count.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a lockout lasts from the failure that caused it.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
