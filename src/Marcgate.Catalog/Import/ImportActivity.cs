namespace Marcgate.Catalog.Import;

/// <summary>
/// How many records this process imported in each of the last 60 minutes, and how long each took: what the console's
/// dashboard charts. Kept in memory per process; the receipt log in the store is the durable record.
/// </summary>
public sealed class ImportActivity
{
    /// <summary>Minutes kept.</summary>
    public const int Minutes = 60;

    private readonly Lock _lock = new();
    private readonly MinuteActivity?[] _minutes = new MinuteActivity[Minutes];
    private readonly TimeProvider _time;

    /// <summary>Counts by <paramref name="time"/>'s clock (the system clock when null).</summary>
    public ImportActivity(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Counts one import answered now that took <paramref name="elapsed"/>.</summary>
    public void Record(TimeSpan elapsed, bool ok)
    {
        var minute = MinuteOf(_time.GetUtcNow());
        var slot = (int)(minute.ToUnixTimeSeconds() / 60 % Minutes);
        var milliseconds = elapsed.TotalMilliseconds;
        lock (_lock)
        {
            var current = _minutes[slot];
            _minutes[slot] = current is not null && current.Minute == minute
                ? current with
                {
                    Records = current.Records + 1,
                    Errors = current.Errors + (ok ? 0 : 1),
                    TotalMilliseconds = current.TotalMilliseconds + milliseconds,
                    MaxMilliseconds = Math.Max(current.MaxMilliseconds, milliseconds),
                }
                : new MinuteActivity(minute, 1, ok ? 0 : 1, milliseconds, milliseconds);
        }
    }

    /// <summary>The last 60 minutes up to and including the current one, oldest first; minutes without imports count zero.</summary>
    public IReadOnlyList<MinuteActivity> LastHour()
    {
        var now = MinuteOf(_time.GetUtcNow());
        var result = new MinuteActivity[Minutes];
        lock (_lock)
        {
            for (var i = 0; i < Minutes; i++)
            {
                var minute = now.AddMinutes(i - (Minutes - 1));
                var kept = _minutes[(int)(minute.ToUnixTimeSeconds() / 60 % Minutes)];
                result[i] = kept is not null && kept.Minute == minute ? kept : new MinuteActivity(minute, 0, 0, 0, 0);
            }
        }

        return result;
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
