namespace Marcgate.Storage.Sqlite;

/// <summary>One caller's write waiting for the group-commit writer.</summary>
internal abstract class WriteRequest
{
    /// <summary>Whether the caller gave up before the write ran; such a write is skipped.</summary>
    public abstract bool IsCancelled { get; }

    /// <summary>Runs the write inside the batch's transaction, under the request's own savepoint.</summary>
    public abstract void Execute(WriterSession session);

    /// <summary>Remembers why the write failed; its savepoint has been rolled back and the batch goes on.</summary>
    public abstract void SetFailed(Exception error);

    /// <summary>After the batch is durable: hands the caller its own result or failure.</summary>
    public abstract void Complete();

    /// <summary>The batch could not be committed: nothing of it is kept.</summary>
    public abstract void Abort(Exception error);

    /// <summary>The caller gave up before the write ran.</summary>
    public abstract void Cancel();
}
