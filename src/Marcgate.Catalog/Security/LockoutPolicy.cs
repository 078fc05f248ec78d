using System.Collections.Concurrent;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Security;

/// <summary>
/// Locks out a logon ID or a peer address after repeated failed logons (issue 3, security): N failures
/// within the window lock the key for the lockout period, counted from the failure that reached N.
/// </summary>
/// <remarks>
/// Failures are kept in the store, so a restart forgets no failure: after a restart a key is locked while
/// it still has N failures inside the window. The lock's end time is kept in memory. Attempts made while
/// locked are refused before the password is checked and are not counted, so a lockout ends on time
/// even while an attacker keeps trying.
/// </remarks>
internal sealed class LockoutPolicy(ICatalogStore store, LockoutOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<LockoutKey, DateTimeOffset> _lockedUntil = new();

    /// <summary>True when the key is locked out now.</summary>
    public async Task<bool> IsLockedOutAsync(LockoutKey key, CancellationToken cancellationToken)
    {
        var limit = Limit(key);
        if (limit <= 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (_lockedUntil.TryGetValue(key, out var until))
        {
            if (until > now)
            {
                return true;
            }

            _lockedUntil.TryRemove(new KeyValuePair<LockoutKey, DateTimeOffset>(key, until));
            return false;
        }

        return await store.CountLogonFailuresAsync(key, now - options.Window, cancellationToken).ConfigureAwait(false) >= limit;
    }

    /// <summary>Counts a failed logon; true when it locks the key out.</summary>
    public async Task<bool> RecordFailureAsync(LockoutKey key, CancellationToken cancellationToken)
    {
        var limit = Limit(key);
        var now = time.GetUtcNow();
        var failures = await store.RecordLogonFailureAsync(key, now, options.Window, cancellationToken).ConfigureAwait(false);
        if (limit <= 0 || failures < limit)
        {
            return false;
        }

        _lockedUntil[key] = now + options.LockoutPeriod;
        return true;
    }

    /// <summary>Forgets a key's failures after a successful logon; a read when there is nothing to forget.</summary>
    public async Task ClearAsync(LockoutKey key, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.Window;
        if (await store.CountLogonFailuresAsync(key, since, cancellationToken).ConfigureAwait(false) > 0)
        {
            await store.ClearLogonFailuresAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }

    private int Limit(LockoutKey key) =>
        key.Scope == LockoutScope.LogonId ? options.MaxFailuresPerLogonId : options.MaxFailuresPerPeerAddress;
}
