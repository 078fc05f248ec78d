using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>One caller's write waiting for the group-commit writer.</summary>
internal abstract class BatchedWrite
{
    /// <summary>Whether the write went out as a statement of the batch's pipelined round trip (set by the writer).</summary>
    public bool Pipelined { get; set; }

    /// <summary>Whether the write is one statement that can go out in the batch's pipelined round trip (<see cref="CreatePipelinedCommand"/> is not null).</summary>
    public abstract bool CanPipeline { get; }

    /// <summary>Whether the caller gave up before the write ran; such a write is skipped.</summary>
    public abstract bool IsCancelled { get; }

    /// <summary>The write's one statement, to be sent with the batch's others in one round trip; null when it runs statements of its own.</summary>
    public abstract NpgsqlBatchCommand? CreatePipelinedCommand();

    /// <summary>Reads the result row of the pipelined statement; false when the write asks to be undone, which undoes the whole batch.</summary>
    public abstract bool ReadPipelined(NpgsqlDataReader reader);

    /// <summary>Runs the write in the batch's transaction; false when it asks to be undone, which undoes the whole batch.</summary>
    public abstract Task<bool> RunInBatchAsync(PostgresWriteSession session);

    /// <summary>Runs the write in a transaction of its own and hands the caller its result or failure.</summary>
    public abstract Task RunAloneAsync();

    /// <summary>After the batch's commit: hands the caller the result its write produced in the batch.</summary>
    public abstract void Complete();

    /// <summary>The batch's commit failed: the caller hears why, never ok.</summary>
    public abstract void Abort(Exception error);

    /// <summary>The caller gave up before the write ran.</summary>
    public abstract void Cancel();
}
