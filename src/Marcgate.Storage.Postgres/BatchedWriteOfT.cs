using Npgsql;

namespace Marcgate.Storage.Postgres;

/// <summary>A write producing a <typeparamref name="T"/>, whose task completes only once the transaction holding it has committed.</summary>
internal sealed class BatchedWrite<T>(
    Func<PostgresWriteSession, CancellationToken, Task<Written<T>>> write,
    PipelinedWrite<T>? pipelined,
    Func<Func<PostgresWriteSession, CancellationToken, Task<Written<T>>>, CancellationToken, Task<T>> writeAlone,
    CancellationToken cancellationToken) : BatchedWrite
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override bool CanPipeline => pipelined is not null;

    public override bool IsCancelled => cancellationToken.IsCancellationRequested;

    public override NpgsqlBatchCommand? CreatePipelinedCommand() => pipelined?.CreateCommand();

    public override bool ReadPipelined(NpgsqlDataReader reader)
    {
        var written = pipelined!.Read(reader);
        _result = written.Value;
        return written.Keep;
    }

    public override async Task<bool> RunInBatchAsync(PostgresWriteSession session)
    {
        // Not the caller's token: once in a batch, the write is part of other callers' transaction.
        var written = await write(session, CancellationToken.None).ConfigureAwait(false);
        _result = written.Value;
        return written.Keep;
    }

    public override async Task RunAloneAsync()
    {
        try
        {
            _completion.TrySetResult(await writeAlone(write, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
        catch (Exception error)
        {
            _completion.TrySetException(error);
        }
    }

    public override void Complete() => _completion.TrySetResult(_result!);

    public override void Abort(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(cancellationToken);
}
