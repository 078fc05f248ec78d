using System.Collections.Concurrent;
using Marcgate.Catalog.Metrics;
using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>
/// The embedded catalog store: one SQLite file, <c>DIR/marcgate.db</c>, in WAL mode; the log is fsynced
/// before any write is acknowledged, so every acknowledged write survives a crash (gateway §7 step 8).
/// Writes go through one group-commit writer; reads use connections of their own, each with its prepared statements.
/// </summary>
public sealed partial class SqliteCatalogStore : ICatalogStore
{
    /// <summary>The database's file name inside the data directory.</summary>
    public const string DatabaseFileName = "marcgate.db";

    // SQLITE_FULL: a read can meet a full disk too, when its shared-memory index of the log must grow.
    private const int SqliteFull = 13;

    private readonly string _readConnectionString;
    private readonly GroupCommitWriter _writer;
    private readonly WalCheckpointer _checkpointer;
    private readonly SqliteChangeFeed _changes;

    // Idle reader sessions: a read takes one (or opens one) and gives it back, so their number stays at the most reads run at once.
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private int _disposed;

    private SqliteCatalogStore(string path, string readConnectionString, SqliteConnection writerConnection, SqliteCatalogStoreOptions options)
    {
        DatabasePath = path;
        _readConnectionString = readConnectionString;
        _checkpointer = new WalCheckpointer(readConnectionString, options.CheckpointInterval);
        _changes = new SqliteChangeFeed(readConnectionString);
        _writer = new GroupCommitWriter(writerConnection, path, options);
    }

    /// <inheritdoc />
    public ICatalogChangeFeed Changes => _changes;

    /// <summary>The database file's full path.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens (creating it when missing) the store in <paramref name="dataDirectory"/> and brings its schema up to date.</summary>
    /// <exception cref="CatalogStoreException">The file cannot be opened or created, is not a SQLite database, is truncated, fails
    /// <c>PRAGMA quick_check</c> (unless <see cref="SqliteCatalogStoreOptions.QuickCheckOnOpen"/> is off), is not a Marcgate database,
    /// or was written by a newer Marcgate.</exception>
    public static Task<SqliteCatalogStore> OpenAsync(string dataDirectory, SqliteCatalogStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        // Opening may wait on another process's lock and run migrations: off the caller's thread.
        return Task.Run(() => Open(dataDirectory, options ?? new SqliteCatalogStoreOptions()), cancellationToken);
    }

    private static SqliteCatalogStore Open(string dataDirectory, SqliteCatalogStoreOptions options)
    {
        var path = Path.GetFullPath(Path.Combine(dataDirectory, DatabaseFileName));
        SqliteConnection? writer = null;
        try
        {
            CreateOwnerOnly(path);
            SqliteIntegrityCheck.CheckHeader(path);
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                ForeignKeys = true,
                DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
                Pooling = false,
            };
            writer = new SqliteConnection(builder.ConnectionString);
            writer.Open();

            // Before anything writes: a damaged file is refused whole, never migrated or written into.
            if (options.QuickCheckOnOpen)
            {
                SqliteIntegrityCheck.QuickCheck(writer, path);
            }

            Execute(writer, "PRAGMA journal_mode = WAL");

            // NORMAL: COMMIT writes the WAL frames without waiting for the disk; WalFlusher's fsync makes each batch
            // durable before any caller hears of it (gateway §7 step 8), and checkpoints still sync.
            Execute(writer, "PRAGMA synchronous = NORMAL");
            SchemaMigrator.Migrate(writer, path);

            // Readers never write, so they skip the foreign key pragma; the store keeps them open itself.
            builder.Mode = SqliteOpenMode.ReadWrite;
            builder.ForeignKeys = null;
            return new SqliteCatalogStore(path, builder.ConnectionString, writer, options);
        }
        catch (SqliteException error) when (SqliteIntegrityCheck.IsDamage(error))
        {
            writer?.Dispose();
            throw SqliteIntegrityCheck.Damaged(path, error);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            writer?.Dispose();
            throw new CatalogStoreException($"{path}: cannot open the catalog database: {error.Message}", error);
        }
        catch
        {
            writer?.Dispose();
            throw;
        }
    }

    // A new data directory and database are the owner's alone (records, password hashes, staff sign-in keys): directory
    // 0700, file 0600, which SQLite gives the -wal and -shm files too. Existing ones keep the modes their owner chose.
    private static void CreateOwnerOnly(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(path))
        {
            // An empty file is a new database to SQLite; made here so that it never exists with wider permissions.
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
    }

    /// <summary>Finishes the writes in hand, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Readers first: when the writer, the last connection, closes, SQLite checkpoints the WAL into
        // the database and removes it, so the file stands alone after a clean shutdown.
        _checkpointer.Dispose();
        _changes.Dispose();
        CloseIdleReaders();
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private void CloseIdleReaders()
    {
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>How many write batches (transactions, fsyncs) have been committed since opening.</summary>
    internal long CommittedBatches => _writer.CommittedBatches;

    /// <summary>How many writes wait for the writer.</summary>
    internal int PendingWrites => _writer.PendingWrites;

    /// <summary>How many fsyncs of the write-ahead log made batches durable.</summary>
    internal long WalFlushes => _writer.WalFlushes;

    internal Task<T> WriteAsync<T>(Func<WriterSession, T> write, CancellationToken cancellationToken) =>
        Volatile.Read(ref _disposed) != 0
            ? Task.FromException<T>(new ObjectDisposedException(nameof(SqliteCatalogStore), "The catalog store is closed."))
            : _writer.WriteAsync(write, cancellationToken);

    /// <summary>A write of accounts, profiles, repositories or failed logons: once it is durable, the feed announces it.</summary>
    private async Task<T> WriteSettingAsync<T>(Func<WriterSession, T> write, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(write, cancellationToken).ConfigureAwait(false);
        _changes.Check();
        return result;
    }

    /// <summary>Runs a read on a reader session of its own.</summary>
    /// <remarks>
    /// Every read is one statement, which SQLite runs on one snapshot, so no explicit transaction is
    /// needed. SQLite reads are synchronous and short; failures come back as a faulted task.
    /// </remarks>
    private Task<T> ReadAsync<T>(Func<SqliteSession, T> read, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteCatalogStore), "The catalog store is closed."));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        SqliteSession? session = null;
        try
        {
            session = TakeReader();
            var result = read(session);
            GiveBack(session);
            session = null;
            return Task.FromResult(result);
        }
        catch (SqliteException error)
        {
            CatalogStoreMetrics.Failed(CatalogStoreMetrics.Sqlite, CatalogStoreMetrics.Read);
            return Task.FromException<T>(new CatalogStoreException($"{DatabasePath}: the read failed: {error.Message}", error) { StorageFull = error.SqliteErrorCode == SqliteFull });
        }
        catch (CatalogStoreException error)
        {
            return Task.FromException<T>(error);
        }
        finally
        {
            // After a failure the session may be in any state: it is closed, not reused.
            session?.Dispose();
        }
    }

    private SqliteSession TakeReader()
    {
        if (_readers.TryTake(out var session))
        {
            return session;
        }

        // No mmap_size on readers: in WAL mode a reader unmaps the whole file whenever the log has changed since its last
        // read, which under load is every read, then maps it again; each unmap flushes the TLBs of every core. Reading the
        // few pages a lookup needs costs less (bench/results/gateway-2026-11-29.md).
        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteSession(connection);
    }

    private void GiveBack(SqliteSession session)
    {
        _readers.Add(session);

        // A read that finished while the store closed: its session must not outlive the store.
        if (Volatile.Read(ref _disposed) != 0)
        {
            CloseIdleReaders();
        }
    }

    private static void RequireRepository(WriterSession session, string repository)
    {
        if (session.KnownRepositories.Contains(repository))
        {
            return;
        }

        var exists = session.Command("SELECT 1 FROM repositories WHERE name = $name")
            .Bind("$name", repository)
            .ExecuteScalar();
        if (exists is null)
        {
            throw new UnknownRepositoryException(repository);
        }

        session.KnownRepositories.Add(repository);
    }
}
