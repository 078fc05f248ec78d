namespace Marcgate.Catalog.Storage;

/// <summary>
/// Counts the changes a store's feed announces, per kind, so a cache can tell whether what it read is still current:
/// it takes a stamp before reading the store and uses what it read only while the stamp is unchanged. A change that
/// lands while a read is under way changes the stamp, so the read is never kept past it.
/// </summary>
internal sealed class CatalogChangeCounter
{
    private readonly ICatalogChangeFeed _feed;
    private readonly long[] _counts = new long[4];

    public CatalogChangeCounter(ICatalogChangeFeed feed)
    {
        _feed = feed;
        feed.Changed += OnChanged;
    }

    /// <summary>Raised after the counts moved, with what changed.</summary>
    public event Action<CatalogChanges>? Changed;

    /// <summary>The count of changes of one kind (a single flag), to take before reading it from the store.</summary>
    public long Stamp(CatalogChanges kind) => Volatile.Read(ref _counts[Index(kind)]);

    /// <summary>Whether what was read under <paramref name="stamp"/> is still current: no change since, and the feed hears changes.</summary>
    public bool IsCurrent(CatalogChanges kind, long stamp) => _feed.IsListening && Stamp(kind) == stamp;

    private void OnChanged(CatalogChanges changes)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            if (((int)changes & (1 << i)) != 0)
            {
                Interlocked.Increment(ref _counts[i]);
            }
        }

        Changed?.Invoke(changes);
    }

    private static int Index(CatalogChanges kind) => kind switch
    {
        CatalogChanges.Accounts => 0,
        CatalogChanges.Profiles => 1,
        CatalogChanges.Repositories => 2,
        CatalogChanges.Lockouts => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "One kind of change at a time."),
    };
}
