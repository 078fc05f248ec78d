using System.Diagnostics;
using System.Threading.Channels;
using Marcgate.Catalog.Metrics;
using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite;

/// <summary>
/// The single writer: writes queued by concurrent callers are run together in one transaction, so
/// one fsync makes a whole batch durable (group commit), and each caller learns its own result only
/// once that batch is on disk (gateway §7 step 8; the fsync is <see cref="WalFlusher"/>'s, so the writer
/// goes on with the next batch meanwhile). One failed write does not fail the others: the batch
/// is then run again with each write under its own savepoint.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const string ItemSavepoint = "write_item";
    private const int SqliteFull = 13;

    private readonly Channel<WriteRequest> _queue;
    private readonly WriterSession _session;
    private readonly int _maxBatchSize;
    private readonly string _path;
    private readonly Task _loop;
    private readonly WalFlusher _flusher;
    private long _committedBatches;

    public GroupCommitWriter(SqliteConnection connection, string path, SqliteCatalogStoreOptions options)
    {
        _session = new WriterSession(connection);
        _maxBatchSize = Math.Max(1, options.MaxBatchSize);
        _path = path;
        _flusher = new WalFlusher(path, options.BeforeWalFlush);
        _queue = Channel.CreateBounded<WriteRequest>(new BoundedChannelOptions(Math.Max(1, options.MaxPendingWrites))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // A thread of its own: the writer blocks in SQLite, which must not hold a thread-pool thread
        // that socket and import work is waiting for.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>How many batches have been committed; with <see cref="PendingWrites"/>, shows how well writes are grouped.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>How many writes wait for the writer.</summary>
    public int PendingWrites => _queue.Reader.Count;

    /// <summary>How many fsyncs of the write-ahead log made batches durable.</summary>
    public long WalFlushes => _flusher.Flushes;

    /// <summary>Queues a write; the task completes once the batch holding it is durable.</summary>
    /// <exception cref="ObjectDisposedException">The store is closing.</exception>
    /// <exception cref="CatalogStoreException">The writer has stopped on an error it cannot recover from.</exception>
    public async Task<T> WriteAsync<T>(Func<WriterSession, T> write, CancellationToken cancellationToken)
    {
        var request = new WriteRequest<T>(write, cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException closed)
        {
            throw (Exception?)(closed.InnerException as CatalogStoreException)
                ?? new ObjectDisposedException(nameof(SqliteCatalogStore), "The catalog store is closed.");
        }

        return await request.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _flusher.Dispose();
        _session.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteRequest>(_maxBatchSize);
        try
        {
            while (WaitForWrites())
            {
                batch.Clear();
                while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var request))
                {
                    if (request.IsCancelled)
                    {
                        request.Cancel();
                    }
                    else
                    {
                        batch.Add(request);
                    }
                }

                if (batch.Count > 0)
                {
                    CommitBatch(batch);
                }
            }
        }
        catch (Exception error)
        {
            // The writer cannot go on: no caller may wait forever for a reply (gateway §4).
            var failure = new CatalogStoreException($"{_path}: the writer stopped: {error.Message}", error);
            CatalogStoreMetrics.Failed(CatalogStoreMetrics.Sqlite, CatalogStoreMetrics.Write);
            _queue.Writer.TryComplete(failure);
            foreach (var request in batch)
            {
                request.Abort(failure);
            }

            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Abort(failure);
            }
        }
    }

    private bool WaitForWrites()
    {
        var wait = _queue.Reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void CommitBatch(List<WriteRequest> batch)
    {
        if (_flusher.Failure is { } lost)
        {
            // After a failed fsync nothing written since can be promised durable.
            Abort(batch, lost);
            return;
        }

        // Nearly every batch has no failing write: it runs as it is, without a savepoint per write. When a write
        // fails, the whole transaction is undone and the batch runs again write by write, each under its savepoint.
        if (!TryCommit(batch, eachUnderSavepoint: false))
        {
            TryCommit(batch, eachUnderSavepoint: true);
        }
    }

    /// <summary>
    /// Runs the batch in one transaction, commits it and hands it to the flusher. False, with nothing written, when
    /// a write failed outside a savepoint; a transaction that cannot begin or commit aborts the batch.
    /// </summary>
    private bool TryCommit(List<WriteRequest> batch, bool eachUnderSavepoint)
    {
        var writing = false;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // BEGIN IMMEDIATE: take the write lock before the first write, so another process
            // (the admin CLI beside a running host) waits for the busy timeout instead of failing midway.
            using var transaction = _session.Connection.BeginTransaction(deferred: false);
            _session.Transaction = transaction;
            foreach (var request in batch)
            {
                if (eachUnderSavepoint)
                {
                    ExecuteUnderSavepoint(request);
                }
                else
                {
                    writing = true;
                    request.Execute(_session);
                    writing = false;
                }
            }

            transaction.Commit();
            Interlocked.Increment(ref _committedBatches);
        }
        catch (Exception) when (writing)
        {
            // The transaction rolled back as it was disposed; what the batch saw (a repository it added) is gone with it.
            _session.KnownRepositories.Clear();
            return false;
        }
        catch (Exception error)
        {
            Abort(batch, error);
            return true;
        }
        finally
        {
            _session.Transaction = null;
        }

        _flusher.Add([.. batch], started);
        return true;
    }

    // A write that fails is rolled back alone and its caller gets its own exception; the batch goes on.
    private void ExecuteUnderSavepoint(WriteRequest request)
    {
        _session.Savepoint(ItemSavepoint);
        try
        {
            request.Execute(_session);
            _session.Release(ItemSavepoint);
        }
        catch (Exception error)
        {
            _session.RollbackTo(ItemSavepoint);
            request.SetFailed(error is SqliteException sqlite ? StoreFailure(sqlite) : error);
        }
    }

    // The transaction could not begin or commit: no caller hears ok, and what the batch saw is gone with it.
    private void Abort(List<WriteRequest> batch, Exception error)
    {
        var failure = error is SqliteException sqlite ? StoreFailure(sqlite) : error;
        _session.KnownRepositories.Clear();
        foreach (var request in batch)
        {
            request.Abort(failure);
        }
    }

    private CatalogStoreException StoreFailure(SqliteException error)
    {
        CatalogStoreMetrics.Failed(CatalogStoreMetrics.Sqlite, CatalogStoreMetrics.Write);

        // SQLITE_FULL: a write of the log or the file met a full disk. SQLite rolled the transaction back and the connection
        // stays usable, so the next batch tries again and succeeds once space is freed.
        return error.SqliteErrorCode == SqliteFull
            ? new($"{_path}: the write was not committed: the disk holding the catalog is full ({error.Message})", error) { StorageFull = true }
            : new($"{_path}: the write was not committed: {error.Message}", error);
    }
}
