namespace Marcgate.Catalog.Storage;

/// <summary>Thrown when the store cannot read or write (I/O error, full disk, lock timeout, a schema it does not know); nothing of the failed write is kept.</summary>
public sealed class CatalogStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CatalogStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store's own error.</summary>
    public CatalogStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when the write failed because the store's disk is full: nothing of it was kept, and the same write can succeed
    /// once space is freed, without a restart.
    /// </summary>
    public bool StorageFull { get; init; }
}
