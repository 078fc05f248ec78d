using System.Collections.Concurrent;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Import;

/// <summary>
/// Remembers accounts, which repositories exist and each profile with its rules read, so a stream of records does not
/// read them from the store for every record (gateway §7 steps 1 and 3), for as long as the store's change feed says
/// nothing of them changed.
/// </summary>
/// <remarks>
/// An administrator's change (<c>marcgate accounts passwd</c>, <c>profiles set</c>, <c>repositories remove</c>…), made
/// in this process, another one or on another host node, is announced by the store (<see cref="ICatalogStore.Changes"/>)
/// and drops what was remembered of that kind; while the feed cannot hear changes, everything is read from the store.
/// </remarks>
internal sealed class ImportSettingsCache(ICatalogStore store, CatalogChangeCounter changes, TimeProvider time)
{
    // Bounds the memory kept when many names come and go (unknown logon IDs are remembered too).
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, Remembered<bool>> _repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Remembered<CachedProfile?>> _profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Remembered<Account?>> _accounts = new(StringComparer.Ordinal);

    /// <summary>Whether the repository exists.</summary>
    public Task<bool> RepositoryExistsAsync(string repository, CancellationToken cancellationToken) =>
        GetAsync(_repositories, CatalogChanges.Repositories, repository, store.RepositoryExistsAsync, cancellationToken);

    /// <summary>The profile and its rules, or null when the store has no profile of that name.</summary>
    public Task<CachedProfile?> GetProfileAsync(string name, CancellationToken cancellationToken) =>
        GetAsync(
            _profiles,
            CatalogChanges.Profiles,
            name,
            async (key, token) => await store.GetProfileAsync(key, token).ConfigureAwait(false) is { } profile ? CachedProfile.Create(profile, time.GetUtcNow()) : null,
            cancellationToken);

    /// <summary>The account with that logon ID, or null.</summary>
    public Task<Account?> FindAccountAsync(string logonId, CancellationToken cancellationToken) =>
        GetAsync(_accounts, CatalogChanges.Accounts, logonId, store.FindAccountAsync, cancellationToken);

    private async Task<T> GetAsync<T>(
        ConcurrentDictionary<string, Remembered<T>> entries, CatalogChanges kind, string key, Func<string, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(key, out var remembered) && changes.IsCurrent(kind, remembered.Stamp))
        {
            return remembered.Value;
        }

        // The stamp before the read: a change committed while it runs makes what it returns stale at once.
        var stamp = changes.Stamp(kind);
        var value = await read(key, cancellationToken).ConfigureAwait(false);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[key] = new Remembered<T>(value, stamp);
        return value;
    }

    private readonly record struct Remembered<T>(T Value, long Stamp);
}
