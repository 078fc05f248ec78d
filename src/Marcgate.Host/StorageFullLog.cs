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
    /// <summary>How many records in a row, each begun after the last refusal, must be stored before the space counts as back.</summary>
    /// <remarks>
    /// On a nearly full disk a small commit can still fit where a larger one did not: one stored record does not mean
    /// the space is back, and counting it so would log the full disk again at the next refusal.
    /// </remarks>
    public const int StoredToRecover = 10;

    private readonly Lock _lock = new();
    private bool _full;
    private long _lastRefused;
    private long _refused;
    private int _storedSince;

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
                _storedSince = 0;
                if (!_full)
                {
                    Volatile.Write(ref _full, true);
                    HostLog.StorageFull(logger, detail ?? "the catalog store's disk is full");
                }
            }
            else if (_full && started > _lastRefused && ++_storedSince >= StoredToRecover)
            {
                // Only imports begun after the last refusal count: one that was already committing when the disk filled
                // may be answered after it.
                Volatile.Write(ref _full, false);
                HostLog.StorageAvailable(logger, _refused);
                _refused = 0;
                _storedSince = 0;
            }
        }
    }
}
