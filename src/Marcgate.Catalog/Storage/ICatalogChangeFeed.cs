namespace Marcgate.Catalog.Storage;

/// <summary>
/// Tells a process when the catalog's settings changed, whichever process or host node sharing the store changed them,
/// so what it keeps in memory (accounts, profiles, repositories, lockouts) is dropped at once rather than after a time.
/// </summary>
public interface ICatalogChangeFeed
{
    /// <summary>
    /// Raised after a change has committed: at once for a change made through this store, as soon as it is heard for one
    /// made elsewhere. One change may be announced more than once; <see cref="CatalogChanges.All"/> when changes may have
    /// been missed (after the feed lost and regained its connection). Handlers run on the feed's thread: quick, never throwing.
    /// </summary>
    event Action<CatalogChanges>? Changed;

    /// <summary>Whether changes made elsewhere are heard now; while false, nothing kept in memory can be trusted to be current.</summary>
    bool IsListening { get; }
}
