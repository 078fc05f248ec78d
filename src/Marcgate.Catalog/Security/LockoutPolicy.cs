using System.Collections.Concurrent;
using Marcgate.Catalog.Metrics;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Security;

/// <summary>
/// Stops password guessing without letting a stranger lock the owner of a logon ID out (gateway §7 step 1).
/// </summary>
/// <remarks>
/// <para>Failures are counted per logon ID at one address, per logon ID and per address, in the store, so every host node
/// on it counts the same failures. A key that reaches its limit within the window is locked for the lockout period, and
/// the lock's end is kept in the store too:</para>
/// <list type="bullet">
/// <item>a logon ID at one address: refused from that address only, so one address guesses a few passwords per period;</item>
/// <item>an address: refused for every logon ID;</item>
/// <item>a logon ID: refused from every address it has not logged on from within the known-address period, so guesses
/// spread over many addresses are bounded too, while the catalogers who use the logon ID go on from their usual addresses.</item>
/// </list>
/// <para>Each failure of a logon ID also delays its next password checks, from any address, up to a cap: a known address
/// is slowed by an attack rather than refused. Attempts refused as locked are not counted, so a lockout ends on time while
/// an attacker keeps trying.</para>
/// <para>The store's answers are trusted for <see cref="Recheck"/>, and forgotten at once when the store announces that
/// lockouts changed (<see cref="Forget"/>): a lockout set or lifted on another node, or by an administrator, takes effect
/// on the next logon; the recheck only bounds how long a missed announcement could leave an answer stale.</para>
/// </remarks>
internal sealed class LockoutPolicy(ICatalogStore store, LockoutOptions options, TimeProvider time)
{
    /// <summary>How long an answer of the store (a lock's end, a failure count, a known address) is taken as still true.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    // A known address is written to the store again at most this often: once per logon rather than once per record.
    private static readonly TimeSpan s_knownAddressRefresh = TimeSpan.FromDays(1);

    // Addresses not used within the known-address period are deleted from the store at most this often, by whichever
    // process records a known address: they no longer spare anyone, and a busy consortium's table would only grow.
    private static readonly TimeSpan s_forgetInterval = TimeSpan.FromHours(1);

    // Bounds the memory kept for the addresses this process has recorded.
    private const int MaxRecordedAddresses = 4096;

    private readonly RecentAnswers<LockoutKey, DateTimeOffset?> _lockEnds = new(Recheck);
    private readonly RecentAnswers<LockoutKey, int> _failures = new(Recheck);
    private readonly RecentAnswers<(string LogonId, string Address), DateTimeOffset?> _lastLogons = new(Recheck);
    private readonly ConcurrentDictionary<(string LogonId, string Address), DateTimeOffset> _recordedLogons = new();
    private long _lastForgetTicks;

    /// <summary>Forgets every answer read from the store, so the next logon reads lockouts afresh.</summary>
    public void Forget()
    {
        _lockEnds.ForgetAll();
        _failures.ForgetAll();
        _lastLogons.ForgetAll();
    }

    /// <summary>True when the logon ID may not be tried from the address now: the address, the logon ID at the address, or the logon ID at an address it has not logged on from lately is locked out.</summary>
    public async Task<bool> IsLockedOutAsync(string logonId, string peerAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await IsPeerAddressLockedOutAsync(peerAddress, cancellationToken).ConfigureAwait(false)
            || await IsLockedAsync(LockoutKey.ForLogonIdAtAddress(logonId, peerAddress), options.MaxFailuresPerLogonIdAtAddress, now, cancellationToken).ConfigureAwait(false)
            || (await IsLockedAsync(LockoutKey.ForLogonId(logonId), options.MaxFailuresPerLogonId, now, cancellationToken).ConfigureAwait(false)
                && !await IsKnownAddressAsync(logonId, peerAddress, now, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>True when the address is locked out for every logon ID.</summary>
    public Task<bool> IsPeerAddressLockedOutAsync(string peerAddress, CancellationToken cancellationToken) =>
        IsLockedAsync(LockoutKey.ForPeerAddress(peerAddress), options.MaxFailuresPerPeerAddress, time.GetUtcNow(), cancellationToken);

    /// <summary>How long to wait before checking a password for the logon ID: longer the more it failed within the window, from any address.</summary>
    public async Task<TimeSpan> DelayBeforeCheckAsync(string logonId, CancellationToken cancellationToken)
    {
        if (options.FailureDelay <= TimeSpan.Zero || options.MaxFailureDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var failures = await CountFailuresAsync(LockoutKey.ForLogonId(logonId), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return Delay(failures, options);
    }

    /// <summary>The delay before a password check after <paramref name="failures"/> failures of the logon ID: one <see cref="LockoutOptions.FailureDelay"/> each, up to the cap.</summary>
    public static TimeSpan Delay(int failures, LockoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (failures <= 0 || options.FailureDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var cap = options.MaxFailureDelay;
        return failures >= cap.Ticks / options.FailureDelay.Ticks ? cap : options.FailureDelay * failures;
    }

    /// <summary>Counts a failed logon against the address and, when a logon ID was sent, against it and against it at the address; locks each key that reaches its limit.</summary>
    public async Task RecordFailureAsync(string? logonId, string peerAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await RecordAsync(LockoutKey.ForPeerAddress(peerAddress), options.MaxFailuresPerPeerAddress, now, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(logonId))
        {
            await RecordAsync(LockoutKey.ForLogonIdAtAddress(logonId, peerAddress), options.MaxFailuresPerLogonIdAtAddress, now, cancellationToken).ConfigureAwait(false);
            await RecordAsync(LockoutKey.ForLogonId(logonId), options.MaxFailuresPerLogonId, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a successful logon: forgets the logon ID's failures at the address and remembers the address as known to it.
    /// The logon ID's failures from elsewhere stay, so logons of the owner do not give an attacker fresh guesses.
    /// </summary>
    public async Task RecordSuccessAsync(string logonId, string peerAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pair = LockoutKey.ForLogonIdAtAddress(logonId, peerAddress);
        if (await CountFailuresAsync(pair, now, cancellationToken).ConfigureAwait(false) > 0)
        {
            _failures.Forget(pair);
            _lockEnds.Forget(pair);
            await store.ClearLogonFailuresAsync(pair, cancellationToken).ConfigureAwait(false);
            _failures.Forget(pair);
            _lockEnds.Forget(pair);
        }

        var address = (logonId, peerAddress);
        if (!_recordedLogons.TryGetValue(address, out var recorded) || now - recorded >= s_knownAddressRefresh || now < recorded)
        {
            await store.RecordLogonSuccessAsync(logonId, peerAddress, now, cancellationToken).ConfigureAwait(false);
            if (_recordedLogons.Count >= MaxRecordedAddresses)
            {
                _recordedLogons.Clear();
            }

            _recordedLogons[address] = now;
            _lastLogons.Forget(address);
            await ForgetStaleAddressesAsync(now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ForgetStaleAddressesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastForgetTicks);
        if (options.KnownAddressPeriod <= TimeSpan.Zero || now.UtcTicks - last < s_forgetInterval.Ticks
            || Interlocked.CompareExchange(ref _lastForgetTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        await store.ForgetLogonSuccessesAsync(now - options.KnownAddressPeriod, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(LockoutKey key, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _failures.Forget(key);
        var failures = await store.RecordLogonFailureAsync(key, now, options.Window, cancellationToken).ConfigureAwait(false);

        // Again once the failure is in the store: a read that began after the first Forget may have missed it.
        _failures.Forget(key);
        if (limit > 0 && failures >= limit)
        {
            // Counted once, when the failures first reach the limit; later failures only extend the lock.
            if (failures == limit)
            {
                LogonMetrics.LockedOutKey(key.Scope);
            }

            _lockEnds.Forget(key);
            await store.LockLogonAsync(key, now + options.LockoutPeriod, cancellationToken).ConfigureAwait(false);
            _lockEnds.Forget(key);
        }
    }

    private async Task<bool> IsLockedAsync(LockoutKey key, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return false;
        }

        if (!_lockEnds.TryGet(key, now, out var until))
        {
            var generation = _lockEnds.Generation;
            until = await store.GetLogonLockEndAsync(key, cancellationToken).ConfigureAwait(false);
            _lockEnds.Keep(key, until, now, generation);
        }

        return until > now;
    }

    private async Task<int> CountFailuresAsync(LockoutKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_failures.TryGet(key, now, out var failures))
        {
            var generation = _failures.Generation;
            failures = await store.CountLogonFailuresAsync(key, now - options.Window, cancellationToken).ConfigureAwait(false);
            _failures.Keep(key, failures, now, generation);
        }

        return failures;
    }

    private async Task<bool> IsKnownAddressAsync(string logonId, string peerAddress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var address = (logonId, peerAddress);
        if (!_lastLogons.TryGet(address, now, out var last))
        {
            var generation = _lastLogons.Generation;
            last = await store.GetLastLogonSuccessAsync(logonId, peerAddress, cancellationToken).ConfigureAwait(false);
            _lastLogons.Keep(address, last, now, generation);
        }

        return last is { } at && now - at < options.KnownAddressPeriod;
    }
}
