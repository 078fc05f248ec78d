namespace Marcgate.Catalog.Storage;

/// <summary>An address a logon ID last logged on from, and when: failures from elsewhere never lock that address out (gateway §7 step 1).</summary>
/// <param name="LogonId">The logon ID.</param>
/// <param name="PeerAddress">The address it logged on from.</param>
/// <param name="At">When it last did.</param>
public sealed record KnownAddress(string LogonId, string PeerAddress, DateTimeOffset At);
