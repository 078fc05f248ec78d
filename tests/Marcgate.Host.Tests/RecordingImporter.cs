using System.Collections.Concurrent;
using System.Security.Cryptography;
using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Marcgate.Marc;

namespace Marcgate.Host.Tests;

/// <summary>A test double of the import pipeline: one account, records kept by content, every request recorded.</summary>
internal sealed class RecordingImporter : IGatewayImporter
{
    private readonly ConcurrentDictionary<string, string> _idsByContent = new();
    private int _nextId;

    public ConcurrentQueue<ImportRequest> Requests { get; } = new();

    /// <summary>Every record the host had read, in order.</summary>
    public ConcurrentQueue<ReceivedRecord> Reads { get; } = new();

    public Dictionary<string, string> Accounts { get; } = new() { ["NZ"] = "pw", ["01CARLI_NETWORK"] = "secret" };

    /// <summary>When set, every import waits for it: lets a test hold a request "in hand".</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed when an import has started.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? Failure { get; set; }

    public ReceivedRecord Read(ReadOnlyMemory<byte> bytes)
    {
        var read = ReceivedRecord.Read(bytes, MarcReaderOptions.Default);
        Reads.Enqueue(read);
        return read;
    }

    public async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        Started.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        if (request.LogonId is null || !Accounts.TryGetValue(request.LogonId, out var password) || password != request.Password)
        {
            return new ImportOutcome(false, null, GatewayReplyCodes.LogonFailed, "");
        }

        var key = Convert.ToHexString(SHA256.HashData(request.Record.Bytes.Span));
        var added = false;
        var id = _idsByContent.GetOrAdd(key, _ =>
        {
            added = true;
            return Interlocked.Increment(ref _nextId).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        });
        return new ImportOutcome(true, added ? GatewayReplyCodes.Added : GatewayReplyCodes.Unchanged, null, "")
        {
            Repository = request.LogonId,
            RecordId = id,
        };
    }
}
