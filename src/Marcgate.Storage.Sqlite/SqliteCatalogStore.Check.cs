using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

public sealed partial class SqliteCatalogStore
{
    /// <summary>The most findings <see cref="CheckIntegrityAsync"/> lists.</summary>
    public const int MaxIntegrityFindings = 100;

    /// <summary>
    /// Checks <c>DIR/marcgate.db</c> without opening it as a store: its header, then SQLite's full <c>PRAGMA integrity_check</c>,
    /// which beyond <c>quick_check</c> also compares every index with its table. Hosts may keep running meanwhile.
    /// </summary>
    /// <returns>What the check found, up to <see cref="MaxIntegrityFindings"/> lines; empty when the file is sound.</returns>
    /// <exception cref="CatalogStoreException">There is no catalog there, the file is not a SQLite database, is truncated or
    /// so damaged that the check cannot run, or it cannot be read.</exception>
    public static Task<IReadOnlyList<string>> CheckIntegrityAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        // The check reads every page: off the caller's thread.
        return Task.Run(() => CheckIntegrity(dataDirectory), cancellationToken);
    }

    private static IReadOnlyList<string> CheckIntegrity(string dataDirectory)
    {
        var path = Path.GetFullPath(Path.Combine(dataDirectory, DatabaseFileName));
        if (!File.Exists(path))
        {
            throw new CatalogStoreException($"{Path.GetDirectoryName(path)}: no Marcgate catalog (no {DatabaseFileName}).");
        }

        try
        {
            SqliteIntegrityCheck.CheckHeader(path);

            // ReadWrite, not ReadOnly: a reader of a WAL database must be able to use (or make) its -shm index. Nothing is written.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString);
            connection.Open();
            return SqliteIntegrityCheck.Run(connection, full: true, MaxIntegrityFindings);
        }
        catch (SqliteException error) when (SqliteIntegrityCheck.IsDamage(error))
        {
            throw SqliteIntegrityCheck.Damaged(path, error);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new CatalogStoreException($"{path}: cannot check the catalog database: {error.Message}", error);
        }
    }
}
