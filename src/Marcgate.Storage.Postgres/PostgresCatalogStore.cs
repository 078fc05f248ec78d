using Marcgate.Catalog.Metrics;
using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>
/// The catalog store on PostgreSQL, which several host nodes can share: every write is one transaction committed with
/// <c>synchronous_commit=on</c> before it returns (gateway §7 step 8), and what must hold across nodes (one record per
/// OCLC number per repository, versions in order, shared lockout counters) is held by the database's constraints and
/// row locks, never by locks of this process.
/// </summary>
public sealed partial class PostgresCatalogStore : ICatalogStore
{
    // A write that loses a deadlock or a serialization check to another node is rolled back whole and run again.
    private const int MaxTransactionAttempts = 5;

    // Two writers: while one batch waits for its WAL flush, the next one runs its statements.
    private const int BatchWriters = 2;
    private const int MaxBatchSize = 256;

    // Two match readers, as for the writers: while one statement is out, the next gathers the look-ups asked meanwhile.
    private const int MatchReaders = 2;

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _matchSource;
    private readonly PostgresGroupCommitWriter _writer;
    private readonly PostgresMatchReader _matches;
    private readonly PostgresChangeListener _changes;
    private int _disposed;

    private PostgresCatalogStore(NpgsqlDataSource dataSource, PostgresConnectionString location)
    {
        _dataSource = dataSource;
        Location = location;
        _writer = new PostgresGroupCommitWriter(dataSource, location.Display, BatchWriters, MaxBatchSize);

        // The look-up's statement is planned once for the session, not for every array of numbers: its plan (the primary
        // key of oclc_numbers, then records and versions by key) suits any array, and planning it anew each time (what
        // PostgreSQL chose, since a one-number plan looks cheaper) cost several times more than running it.
        _matchSource = CreateDataSource(location, "-c plan_cache_mode=force_generic_plan");
        _matches = new PostgresMatchReader(
            (repository, numbers) => ReadAsync(
                _matchSource,
                (connection, token) => ReadRecordsAsync(FindByOclcNumbersCommand(connection, repository, numbers), token),
                CancellationToken.None),
            MatchReaders,
            MaxBatchSize);
        _changes = new PostgresChangeListener(location.ConnectionString);
    }

    /// <inheritdoc />
    public ICatalogChangeFeed Changes => _changes;

    /// <summary>How many batches of two writes or more were committed together since opening.</summary>
    internal long CommittedBatches => _writer.CommittedBatches;

    /// <summary>How many writes those batches held.</summary>
    internal long BatchedWrites => _writer.BatchedWrites;

    /// <summary>How many match look-ups were read in one statement with others since opening.</summary>
    internal long CombinedMatchLookups => _matches.CombinedLookups;

    /// <summary>Where the store is, without its password.</summary>
    public PostgresConnectionString Location { get; }

    /// <summary>Opens the store and brings the database's schema up to date.</summary>
    /// <exception cref="CatalogStoreException">The server cannot be reached, refuses the login, or holds a schema from a newer Marcgate.</exception>
    public static async Task<PostgresCatalogStore> OpenAsync(PostgresConnectionString location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var dataSource = CreateDataSource(location);
        try
        {
            await MigrateAsync(dataSource, location, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var store = new PostgresCatalogStore(dataSource, location);
        try
        {
            // Listening before the first read: what the host caches from here on is dropped when it changes.
            await store._changes.FirstAttempt.WaitAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Brings the database's schema up to date without opening a store; returns the names of the scripts run (none when it was current).</summary>
    /// <exception cref="CatalogStoreException">The server cannot be reached, refuses the login, or holds a schema from a newer Marcgate.</exception>
    public static async Task<IReadOnlyList<string>> MigrateAsync(PostgresConnectionString location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        await using var dataSource = CreateDataSource(location);
        return await MigrateAsync(dataSource, location, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version this build of Marcgate writes.</summary>
    public static int SchemaVersion => PostgresSchemaMigrator.LatestVersion;

    /// <summary>Closes the store's connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _changes.DisposeAsync().ConfigureAwait(false);
        await _matches.DisposeAsync().ConfigureAwait(false);
        await _matchSource.DisposeAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlDataSource CreateDataSource(PostgresConnectionString location, string? sessionOptions = null)
    {
        // The slim builder keeps the native-compiled program small; arrays carry OCLC numbers and lists.
        var builder = new NpgsqlSlimDataSourceBuilder(location.ConnectionString);
        builder.EnableArrays();
        if (sessionOptions is not null)
        {
            builder.ConnectionStringBuilder.Options = $"{builder.ConnectionStringBuilder.Options} {sessionOptions}".Trim();
        }

        // Prepared statements save PostgreSQL parsing and planning the same few statements for every record.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        // The store sets no session state (its advisory locks end with their transactions, LISTEN has a connection of its
        // own), so a connection going back to the pool needs no reset: that would be one more round trip per statement.
        builder.ConnectionStringBuilder.NoResetOnClose = true;

        return builder.Build();
    }

    private static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, PostgresConnectionString location, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await PostgresSchemaMigrator.MigrateAsync(connection, location.Display, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            throw new CatalogStoreException($"{location.Display}: cannot open the catalog database: {Describe(error)}", error);
        }
    }

    /// <summary>Runs a read on a pooled connection; each read is one statement, so it sees one snapshot.</summary>
    private Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        ReadAsync(_dataSource, read, cancellationToken);

    private async Task<T> ReadAsync<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (IsStoreFailure(error, cancellationToken))
        {
            CatalogStoreMetrics.Failed(CatalogStoreMetrics.Postgres, CatalogStoreMetrics.Read);
            throw new CatalogStoreException($"{Location.Display}: the read failed: {Describe(error)}", error);
        }
    }

    /// <summary>
    /// Runs a write of the import path through the group-commit writer: in one transaction with the writes queued beside
    /// it, or alone (as <see cref="WriteAsync{T}(Func{NpgsqlConnection, CancellationToken, Task{Written{T}}}, CancellationToken)"/>)
    /// when the batch cannot commit whole; the task completes once the transaction holding it has committed.
    /// </summary>
    private async Task<T> WriteBatchedAsync<T>(
        Func<PostgresWriteSession, CancellationToken, Task<Written<T>>> write, PipelinedWrite<T>? pipelined, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return await _writer.WriteAsync(
            write,
            pipelined,
            (alone, token) => WriteAsync((connection, t) => alone(new PostgresWriteSession(connection), t), token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A write of accounts, profiles, repositories or failed logons: once committed, announced here at once (other nodes hear its NOTIFY).</summary>
    private async Task<T> WriteSettingAsync<T>(CatalogChanges changes, Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        var result = await WriteAsync(write, cancellationToken).ConfigureAwait(false);
        _changes.Announce(changes);
        return result;
    }

    private Task<T> WriteAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, token) => new Written<T>(await write(connection, token).ConfigureAwait(false), Keep: true), cancellationToken);

    /// <summary>
    /// Runs a write in a transaction of its own (read committed) and commits it unless it asks to be undone; the task
    /// completes once PostgreSQL has flushed the commit. Deadlocks and serialization failures against other sessions
    /// roll it back and run it again.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<Written<T>>> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var written = await write(connection, cancellationToken).ConfigureAwait(false);

                // Once the work is done the outcome no longer depends on the caller: a commit under way is not cancelled,
                // so a write that returns is durable and one that throws left nothing behind.
                if (written.Keep)
                {
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return written.Value;
            }
            catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                && attempt < MaxTransactionAttempts)
            {
                // Rolled back when the connection went back to the pool; the other session goes on.
            }
            catch (Exception error) when (IsStoreFailure(error, cancellationToken))
            {
                CatalogStoreMetrics.Failed(CatalogStoreMetrics.Postgres, CatalogStoreMetrics.Write);
                throw new CatalogStoreException($"{Location.Display}: the write failed and nothing of it was kept: {Describe(error)}", error)
                {
                    StorageFull = error is PostgresException { SqlState: PostgresErrorCodes.DiskFull },
                };
            }
        }
    }

    private static bool IsStoreFailure(Exception error, CancellationToken cancellationToken) =>
        error is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested;

    // PostgreSQL's messages name objects and values, never the connection string; Npgsql's own say what failed to connect.
    private static string Describe(Exception error) => error is PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : error.Message;

    private static async Task RequireRepositoryAsync(PostgresWriteSession session, string repository, CancellationToken cancellationToken)
    {
        if (session.LockedRepositories.Contains(repository))
        {
            return;
        }

        await RequireRepositoryAsync(session.Connection, repository, cancellationToken).ConfigureAwait(false);
        session.LockedRepositories.Add(repository);
    }

    private static async Task RequireRepositoryAsync(NpgsqlConnection connection, string repository, CancellationToken cancellationToken)
    {
        // FOR KEY SHARE: the repository cannot be removed by another session before this transaction commits.
        await using var command = connection.Command("SELECT 1 FROM repositories WHERE name = @name FOR KEY SHARE").Bind("name", repository);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new UnknownRepositoryException(repository);
        }
    }
}
