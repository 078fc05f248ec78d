using System.Collections.Concurrent;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Import;

/// <summary>
/// Remembers, for <see cref="Lifetime"/>, which repositories exist and each profile with its rules read, so
/// a stream of records does not read them from the store for every record (gateway §7 steps 1 and 3).
/// </summary>
/// <remarks>
/// Only found repositories and profiles are remembered: one added by the administrator is seen at once,
/// a profile changed (by <c>marcgate profiles</c>, possibly in another process) within <see cref="Lifetime"/>.
/// Accounts are not cached here: a changed password takes effect at once (the credential cache checks the stored hash).
/// </remarks>
internal sealed class ImportSettingsCache(ICatalogStore store, TimeProvider time)
{
    /// <summary>How long a repository's existence or a profile read from the store is used without reading it again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    // Bounds the memory kept when many names come and go.
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedProfile> _profiles = new(StringComparer.Ordinal);

    /// <summary>Whether the repository exists, from memory when it was seen within <see cref="Lifetime"/>.</summary>
    public async Task<bool> RepositoryExistsAsync(string repository, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_repositories.TryGetValue(repository, out var readAt) && IsFresh(readAt, now))
        {
            return true;
        }

        if (!await store.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            _repositories.TryRemove(repository, out _);
            return false;
        }

        Bound(_repositories);
        _repositories[repository] = now;
        return true;
    }

    /// <summary>The profile and its rules, or null when the store has no profile of that name.</summary>
    public async Task<CachedProfile?> GetProfileAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_profiles.TryGetValue(name, out var cached) && IsFresh(cached.ReadAt, now))
        {
            return cached;
        }

        var profile = await store.GetProfileAsync(name, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            _profiles.TryRemove(name, out _);
            return null;
        }

        var read = CachedProfile.Create(profile, now);
        Bound(_profiles);
        _profiles[name] = read;
        return read;
    }

    private static bool IsFresh(DateTimeOffset readAt, DateTimeOffset now) => now >= readAt && now - readAt < Lifetime;

    private static void Bound<TValue>(ConcurrentDictionary<string, TValue> entries)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
    }
}
