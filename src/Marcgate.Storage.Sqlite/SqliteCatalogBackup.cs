using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>A consistent copy of a data directory's catalog database, taken with SQLite's online backup API while hosts keep writing.</summary>
public static class SqliteCatalogBackup
{
    /// <summary>
    /// Copies <c>DIR/marcgate.db</c> to <paramref name="destination"/>: into a temporary file beside it, renamed over it once complete,
    /// so the destination is either the previous file or a whole copy of one moment of the catalog.
    /// </summary>
    /// <exception cref="CatalogStoreException">The data directory holds no catalog, or the database or the destination cannot be read or written.</exception>
    public static Task BackupAsync(string dataDirectory, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);

        // The copy reads every page: off the caller's thread.
        return Task.Run(() => Backup(dataDirectory, destination), cancellationToken);
    }

    private static void Backup(string dataDirectory, string destination)
    {
        var source = Path.GetFullPath(Path.Combine(dataDirectory, SqliteCatalogStore.DatabaseFileName));
        var target = Path.GetFullPath(destination);
        if (!File.Exists(source))
        {
            throw new CatalogStoreException($"{Path.GetDirectoryName(source)}: no Marcgate catalog (no {SqliteCatalogStore.DatabaseFileName}).");
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            throw new CatalogStoreException($"{target}: the backup cannot be the catalog database itself.");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var from = Open(source, SqliteOpenMode.ReadWrite))
            using (var to = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                // sqlite3_backup_step(-1) copies every page under one read transaction: in WAL mode writers go on, and the copy
                // is the database as of that transaction's start (https://www.sqlite.org/backup.html).
                from.BackupDatabase(to);
                using var check = to.CreateCommand();
                check.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                check.ExecuteNonQuery();
            }

            // The copy's log is folded in and its last connection closed: the file alone is the backup; durable before it takes the name.
            using (var file = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            DeleteIfPresent(temporary);
            DeleteIfPresent(temporary + "-wal");
            DeleteIfPresent(temporary + "-shm");
            throw new CatalogStoreException($"cannot back up {source} to {target}: {error.Message}", error);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file beside the backup is harmless; the error that matters is already on its way.
        }
    }
}
