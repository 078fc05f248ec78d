using System.Collections.Concurrent;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Security;

/// <summary>
/// Locks out a logon ID or a peer address after repeated failed logons: N failures
/// within the window lock the key for the lockout period, counted from the failure that reached N.
/// </summary>
/// <remarks>
/// Failures are kept in the store, so a restart forgets no failure: after a restart a key is locked while
/// it still has N failures inside the window. The lock's end time is kept in memory. Attempts made while
/// locked are refused before the password is checked and are not counted, so a lockout ends on time
/// even while an attacker keeps trying.
/// A key the store showed without failures is remembered as clean for <see cref="CleanRecheck"/>, so a
/// stream of good logons does not read the store three times per request; any failure this process
/// records forgets that key's clean answer at once, and failures another process records on a shared store are
/// seen once the remembered answer is older than <see cref="CleanRecheck"/>.
/// </remarks>
internal sealed class LockoutPolicy(ICatalogStore store, LockoutOptions options, TimeProvider time)
{
    /// <summary>How long a key the store showed without failures is taken as still clean.</summary>
    public static readonly TimeSpan CleanRecheck = TimeSpan.FromSeconds(1);

    // Bounds the memory kept for clean keys when many addresses or logon IDs come and go.
    private const int MaxCleanKeys = 4096;

    private readonly ConcurrentDictionary<LockoutKey, Lockout> _lockedUntil = new();

    // Bumped by Forget: a lockout remembered before it is checked against the store once (it may have been lifted).
    private long _forgetGeneration;
    private readonly ConcurrentDictionary<LockoutKey, DateTimeOffset> _cleanSince = new();

    // Bumped by every failure this process records: a store read that began before it must not mark its key clean.
    private long _failureGeneration;

    /// <summary>True when the key is locked out now.</summary>
    public async Task<bool> IsLockedOutAsync(LockoutKey key, CancellationToken cancellationToken)
    {
        var limit = Limit(key);
        if (limit <= 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_lockedUntil.TryGetValue(key, out var locked))
        {
            if (locked.Until > now && await IsStillLockedAsync(key, locked, now, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            _lockedUntil.TryRemove(new KeyValuePair<LockoutKey, Lockout>(key, locked));
            return false;
        }

        if (IsKnownClean(key, now))
        {
            return false;
        }

        var generation = Volatile.Read(ref _failureGeneration);
        var failures = await store.CountLogonFailuresAsync(key, now - options.Window, cancellationToken).ConfigureAwait(false);
        if (failures == 0)
        {
            MarkClean(key, now, generation);
        }

        return failures >= limit;
    }

    /// <summary>Counts a failed logon; true when it locks the key out.</summary>
    public async Task<bool> RecordFailureAsync(LockoutKey key, CancellationToken cancellationToken)
    {
        var limit = Limit(key);
        var now = time.GetUtcNow();
        ForgetClean(key);
        var failures = await store.RecordLogonFailureAsync(key, now, options.Window, cancellationToken).ConfigureAwait(false);

        // Again once the failure is in the store: a read that began after the first ForgetClean may have missed it.
        ForgetClean(key);
        if (limit <= 0 || failures < limit)
        {
            return false;
        }

        _lockedUntil[key] = new Lockout(now + options.LockoutPeriod, Volatile.Read(ref _forgetGeneration));
        return true;
    }

    /// <summary>Forgets a key's failures after a successful logon; a read when there is nothing to forget, none when the key is known clean.</summary>
    public async Task ClearAsync(LockoutKey key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (IsKnownClean(key, now))
        {
            return;
        }

        var generation = Volatile.Read(ref _failureGeneration);
        if (await store.CountLogonFailuresAsync(key, now - options.Window, cancellationToken).ConfigureAwait(false) > 0)
        {
            await store.ClearLogonFailuresAsync(key, cancellationToken).ConfigureAwait(false);
        }

        MarkClean(key, now, generation);
    }

    /// <summary>Forgets every lockout and clean answer kept in memory: failures were recorded or cleared elsewhere (an unlock).</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _failureGeneration);
        Interlocked.Increment(ref _forgetGeneration);
        _cleanSince.Clear();
    }

    // A lockout remembered before failed logons changed elsewhere holds while the store still has its key's failures:
    // an unlock (accounts unlock) clears them, so none left means it was lifted.
    private async Task<bool> IsStillLockedAsync(LockoutKey key, Lockout locked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _forgetGeneration);
        if (locked.Generation == generation)
        {
            return true;
        }

        if (await store.CountLogonFailuresAsync(key, now - options.Window, cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        _lockedUntil.TryUpdate(key, locked with { Generation = generation }, locked);
        return true;
    }

    private void ForgetClean(LockoutKey key)
    {
        Interlocked.Increment(ref _failureGeneration);
        _cleanSince.TryRemove(key, out _);
    }

    private bool IsKnownClean(LockoutKey key, DateTimeOffset now) =>
        _cleanSince.TryGetValue(key, out var since) && now >= since && now - since < CleanRecheck;

    private void MarkClean(LockoutKey key, DateTimeOffset now, long generation)
    {
        if (_cleanSince.Count >= MaxCleanKeys)
        {
            _cleanSince.Clear();
        }

        _cleanSince[key] = now;

        // A failure recorded while the store was read may not be in what it answered: forget the answer.
        if (Volatile.Read(ref _failureGeneration) != generation)
        {
            _cleanSince.TryRemove(key, out _);
        }
    }

    private int Limit(LockoutKey key) =>
        key.Scope == LockoutScope.LogonId ? options.MaxFailuresPerLogonId : options.MaxFailuresPerPeerAddress;

    private readonly record struct Lockout(DateTimeOffset Until, long Generation);
}
