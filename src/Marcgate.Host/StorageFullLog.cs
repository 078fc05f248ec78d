using System.Diagnostics;
using Marcgate.Gateway;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host;

/// <summary>
/// Logs when the catalog store runs out of disk space and when it stores records again: one line each, however many
/// records are refused <c>storage-full</c> in between (each still has its own import line).
/// </summary>
internal sealed class StorageFullLog(ILogger logger)
{
    private readonly Lock _lock = new();
    private bool _full;
    private long _lastRefused;
    private long _refused;

    /// <summary>Takes note of one reply to a record whose import began at <paramref name="started"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Replied(GatewayReply reply, string? detail, long started)
    {
        if (reply.Code != GatewayReplyCodes.StorageFull && !(reply.Ok && Volatile.Read(ref _full)))
        {
            return;
        }

        lock (_lock)
        {
            if (reply.Code == GatewayReplyCodes.StorageFull)
            {
                _lastRefused = Stopwatch.GetTimestamp();
                _refused++;
                if (!_full)
                {
                    _full = true;
                    HostLog.StorageFull(logger, detail ?? "the catalog store's disk is full");
                }
            }
            else if (_full && started > _lastRefused)
            {
                // Only an import begun after the last refusal shows the space is back: one that was already committing
                // when the disk filled may be answered after it.
                _full = false;
                HostLog.StorageAvailable(logger, _refused);
                _refused = 0;
            }
        }
    }
}
