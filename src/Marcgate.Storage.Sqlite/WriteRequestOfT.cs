namespace Marcgate.Storage.Sqlite;

/// <summary>A write producing a <typeparamref name="T"/>, whose task completes only once its batch is durable.</summary>
internal sealed class WriteRequest<T>(Func<WriterSession, T> write, CancellationToken cancellationToken) : WriteRequest
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _error;

    public Task<T> Task => _completion.Task;

    public override bool IsCancelled => cancellationToken.IsCancellationRequested;

    public override void Execute(WriterSession session)
    {
        _error = null;
        _result = write(session);
    }

    public override void SetFailed(Exception error)
    {
        if (error is RolledBackWithResultException { Result: T result })
        {
            _result = result;
            _error = null;
        }
        else
        {
            _error = error;
        }
    }

    public override void Complete()
    {
        if (_error is null)
        {
            _completion.TrySetResult(_result!);
        }
        else
        {
            _completion.TrySetException(_error);
        }
    }

    public override void Abort(Exception error) => _completion.TrySetException(error);

    public override void Cancel() => _completion.TrySetCanceled(cancellationToken);
}
