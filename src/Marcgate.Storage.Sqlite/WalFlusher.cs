using System.Diagnostics;
using Marcgate.Catalog.Metrics;
using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Sqlite;

/// <summary>
/// Makes committed batches durable: fsyncs the write-ahead log on a thread of its own and only then hands each
/// caller of those batches its result (gateway §7 step 8), while the writer goes on with the next batch.
/// </summary>
/// <remarks>
/// The writer commits with <c>synchronous=NORMAL</c>: SQLite writes a transaction's WAL frames, commit frame
/// included, before COMMIT returns, but does not wait for the disk. A WAL transaction survives power loss once
/// those frames are on disk (https://www.sqlite.org/wal.html), which is what one fsync of the WAL file here
/// ensures for every batch committed before it began; fsync flushes the file, whichever descriptor asks. So the
/// writer never waits for the disk, and one fsync serves all the batches committed while the previous one ran.
/// Checkpoints keep their own syncs (NORMAL syncs the WAL before and the database after each checkpoint).
/// An fsync that fails leaves the durability of everything unflushed unknown (Linux may drop the dirty pages):
/// the callers waiting hear a failure, and the store refuses every later write rather than risk a false "ok".
/// </remarks>
internal sealed class WalFlusher : IDisposable
{
    private readonly string _walPath;
    private readonly Action? _beforeFlush;
    private readonly Queue<CommittedBatch> _committed = new();
    private readonly Thread _thread;
    private FileStream? _wal;
    private Exception? _failure;
    private bool _stopping;
    private long _flushes;

    public WalFlusher(string databasePath, Action? beforeFlush = null)
    {
        _walPath = databasePath + "-wal";
        _beforeFlush = beforeFlush;
        _thread = new Thread(Run) { IsBackground = true, Name = "Marcgate WAL flush" };
        _thread.Start();
    }

    /// <summary>How many fsyncs of the log have completed; with the writer's batch count, shows how well they are shared.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>Set once an fsync failed: the writer must take no more writes.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Hands over a committed batch, begun at <paramref name="started"/> (<see cref="Stopwatch.GetTimestamp"/>); its callers hear their results once the log holding it is on disk.</summary>
    public void Add(WriteRequest[] batch, long started)
    {
        lock (_committed)
        {
            if (_failure is { } failure)
            {
                Abort(batch, failure);
                return;
            }

            _committed.Enqueue(new CommittedBatch(batch, started));
            Monitor.Pulse(_committed);
        }
    }

    /// <summary>Flushes and completes what was handed over, then stops.</summary>
    public void Dispose()
    {
        lock (_committed)
        {
            _stopping = true;
            Monitor.Pulse(_committed);
        }

        _thread.Join();
        _wal?.Dispose();
    }

    private void Run()
    {
        var batches = new List<CommittedBatch>();
        while (true)
        {
            lock (_committed)
            {
                while (_committed.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_committed);
                }

                if (_committed.Count == 0)
                {
                    return;
                }

                // Everything committed so far: one fsync covers all of it.
                batches.AddRange(_committed);
                _committed.Clear();
            }

            var failure = Flush();
            foreach (var (batch, started) in batches)
            {
                if (failure is null)
                {
                    CatalogStoreMetrics.BatchCommitted(CatalogStoreMetrics.Sqlite, batch.Length, Stopwatch.GetElapsedTime(started));
                    foreach (var request in batch)
                    {
                        request.Complete();
                    }
                }
                else
                {
                    Abort(batch, failure);
                }
            }

            batches.Clear();
        }
    }

    private Exception? Flush()
    {
        try
        {
            _beforeFlush?.Invoke();

            // The log exists from the writer's first transaction on and lives as long as the writer's connection.
            _wal ??= new FileStream(_walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            _wal.Flush(flushToDisk: true);
            Interlocked.Increment(ref _flushes);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            var failure = new CatalogStoreException($"{_walPath}: the write-ahead log could not be flushed to disk, so the last writes may not be durable: {error.Message}", error);
            CatalogStoreMetrics.Failed(CatalogStoreMetrics.Sqlite, CatalogStoreMetrics.Flush);
            lock (_committed)
            {
                _failure ??= failure;
            }

            return failure;
        }
    }

    private static void Abort(WriteRequest[] batch, Exception failure)
    {
        foreach (var request in batch)
        {
            request.Abort(failure);
        }
    }

    private readonly record struct CommittedBatch(WriteRequest[] Writes, long Started);
}
