using System.Threading.Channels;
using Marcgate.Catalog.Storage;
using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>
/// Group commit for the writes of the import path (record commits, receipts): the writes queued by concurrent callers
/// run together in one transaction on one connection, so one WAL flush (<c>synchronous_commit=on</c>) makes a whole
/// batch durable, and each caller hears its own result only after that commit (gateway §7 step 8).
/// </summary>
/// <remarks>
/// A batch in which any write fails or asks to be undone (a version, OCLC number or content conflict, often with a
/// write from another node) is rolled back whole and each of its writes is run again in a transaction of its own, with
/// the store's deadlock retries: no caller is answered from a batch that was not committed, and each hears the outcome
/// of its own complete attempt. A commit that fails leaves whether it was kept unknown: its callers hear a failure.
/// While one writer waits for its flush, the next takes the writes queued meanwhile, so the flushes overlap.
/// </remarks>
internal sealed class PostgresGroupCommitWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _location;
    private readonly int _maxBatchSize;
    private readonly Channel<BatchedWrite> _queue;
    private readonly Task[] _writers;
    private long _committedBatches;
    private long _batchedWrites;

    public PostgresGroupCommitWriter(NpgsqlDataSource dataSource, string location, int writers, int maxBatchSize)
    {
        _dataSource = dataSource;
        _location = location;
        _maxBatchSize = Math.Max(1, maxBatchSize);
        _queue = Channel.CreateBounded<BatchedWrite>(new BoundedChannelOptions(8192) { FullMode = BoundedChannelFullMode.Wait });
        _writers = [.. Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>How many batches of two writes or more were committed together; with <see cref="BatchedWrites"/>, how well they are grouped.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    /// <summary>How many writes those batches held.</summary>
    public long BatchedWrites => Interlocked.Read(ref _batchedWrites);

    /// <summary>Queues a write; the task completes once the transaction holding it has committed.</summary>
    /// <exception cref="ObjectDisposedException">The store is closing.</exception>
    public async Task<T> WriteAsync<T>(
        Func<PostgresWriteSession, CancellationToken, Task<Written<T>>> write,
        PipelinedWrite<T>? pipelined,
        Func<Func<PostgresWriteSession, CancellationToken, Task<Written<T>>>, CancellationToken, Task<T>> writeAlone,
        CancellationToken cancellationToken)
    {
        var request = new BatchedWrite<T>(write, pipelined, writeAlone, cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(PostgresCatalogStore), "The catalog store is closed.");
        }

        return await request.Task.ConfigureAwait(false);
    }

    /// <summary>Finishes the writes in hand.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<BatchedWrite>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var write))
            {
                if (write.IsCancelled)
                {
                    write.Cancel();
                }
                else
                {
                    batch.Add(write);
                }
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                // No caller may wait forever for a reply (gateway §4); the writer goes on with the next batch.
                var failure = new CatalogStoreException($"{_location}: the write was not committed: {error.Message}", error);
                foreach (var write in batch)
                {
                    write.Abort(failure);
                }
            }
        }
    }

    private async Task CommitAsync(List<BatchedWrite> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // One round trip for BEGIN, the statements and COMMIT when every write is a single statement; a single write of
        // another kind runs as it would without batching.
        var committed = batch.TrueForAll(write => write.CanPipeline)
            ? await TryCommitPipelinedAsync(batch).ConfigureAwait(false)
            : batch.Count > 1 && await TryCommitTogetherAsync(batch).ConfigureAwait(false);
        if (!committed)
        {
            // Rare (conflicts, deadlocks with another node, a write's own error): each alone, as without batching.
            await Task.WhenAll(batch.Select(write => write.RunAloneAsync())).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the batch's single-statement writes (adds, receipts) together, one round trip for all of them instead of one
    /// each; false when any asks to be undone. Their foreign keys lock the repositories they write into, as the explicit
    /// lock of the statement by statement path does, and refuse one that is gone (the write then runs alone and says so).
    /// </summary>
    private static async Task<bool> RunPipelinedAsync(NpgsqlConnection connection, List<BatchedWrite> batch)
    {
        await using var statements = new NpgsqlBatch(connection);
        var pipelined = new List<BatchedWrite>(batch.Count);
        foreach (var write in batch)
        {
            if (write.CreatePipelinedCommand() is { } command)
            {
                statements.BatchCommands.Add(command);
                pipelined.Add(write);
                write.Pipelined = true;
            }
        }

        if (pipelined.Count == 0)
        {
            return true;
        }

        await using var reader = await statements.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        for (var i = 0; i < pipelined.Count; i++)
        {
            if (i > 0)
            {
                await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (!await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) || !pipelined[i].ReadPipelined(reader))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Runs and commits a batch of single-statement writes (adds, receipts: nearly every batch of a load) in one round trip:
    /// the transaction's <c>BEGIN</c>, the statements and the <c>COMMIT</c> go out together. False, with nothing kept, when
    /// PostgreSQL refused a statement: it then skips the rest of the round trip, <c>COMMIT</c> included.
    /// </summary>
    /// <remarks>
    /// Any other failure once the round trip is sent (the connection lost) leaves the outcome unknown, as a failed
    /// <c>COMMIT</c> does: it is thrown, and the batch's callers hear it, never ok and never a second attempt.
    /// </remarks>
    private async Task<bool> TryCommitPipelinedAsync(List<BatchedWrite> batch)
    {
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            try
            {
                connection = await _dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
                transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Nothing was sent: each write runs again alone, and says what failed.
                return false;
            }

            await using var statements = new NpgsqlBatch(connection);
            foreach (var write in batch)
            {
                statements.BatchCommands.Add(write.CreatePipelinedCommand()!);
                write.Pipelined = true;
            }

            statements.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            var commitReached = false;
            try
            {
                await using var reader = await statements.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (i > 0)
                    {
                        await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
                    }

                    if (!await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) || !batch[i].ReadPipelined(reader))
                    {
                        // A pipelined statement never asks to be undone (see PipelinedWrite); its COMMIT has been sent.
                        throw new InvalidOperationException("A write of the batch asked to be undone after the batch's COMMIT was sent.");
                    }
                }

                commitReached = true;
                await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (PostgresException) when (!commitReached)
            {
                // The server refused a statement (a number another node's record holds, a deadlock, a repository removed)
                // and skipped the rest, COMMIT included: the transaction rolls back as it is disposed.
                return false;
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 1)
        {
            Interlocked.Increment(ref _committedBatches);
            Interlocked.Add(ref _batchedWrites, batch.Count);
        }

        foreach (var write in batch)
        {
            write.Complete();
        }

        return true;
    }

    /// <summary>Runs and commits the batch in one transaction; false, with nothing kept, when any write failed or asked to be undone.</summary>
    private async Task<bool> TryCommitTogetherAsync(List<BatchedWrite> batch)
    {
        NpgsqlTransaction? transaction = null;
        NpgsqlConnection? connection = null;
        try
        {
            try
            {
                connection = await _dataSource.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
                transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
                if (!await RunPipelinedAsync(connection, batch).ConfigureAwait(false))
                {
                    return false;
                }

                var session = new PostgresWriteSession(connection);
                foreach (var write in batch.Where(w => !w.Pipelined))
                {
                    if (!await write.RunInBatchAsync(session).ConfigureAwait(false))
                    {
                        return false;
                    }
                }
            }
            catch (Exception)
            {
                // Nothing was committed: the transaction rolls back as it is disposed, and each write runs again alone.
                return false;
            }

            // From here a failure leaves the outcome unknown, and is its callers' to hear.
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        Interlocked.Increment(ref _committedBatches);
        Interlocked.Add(ref _batchedWrites, batch.Count);
        foreach (var write in batch)
        {
            write.Complete();
        }

        return true;
    }
}
