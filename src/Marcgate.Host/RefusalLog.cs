using System.Diagnostics;
using System.Net;

namespace Marcgate.Host;

/// <summary>Decides which refused connections are logged: the first from an address in each interval, with how many were refused since.</summary>
internal sealed class RefusalLog(TimeSpan interval)
{
    // Bounds the memory when a flood comes from many addresses: forgetting them only logs them again.
    private const int MaxAddresses = 4096;

    private readonly Dictionary<IPAddress, (long LoggedAt, int Since)> _addresses = [];
    private readonly Lock _lock = new();

    /// <summary>True when this refusal is to be logged; <paramref name="alsoRefused"/> is how many from the address went unlogged since its last line.</summary>
    public bool ShouldLog(IPAddress address, out int alsoRefused)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (_addresses.TryGetValue(address, out var entry) && Stopwatch.GetElapsedTime(entry.LoggedAt, now) < interval)
            {
                _addresses[address] = (entry.LoggedAt, entry.Since + 1);
                alsoRefused = 0;
                return false;
            }

            if (_addresses.Count >= MaxAddresses)
            {
                _addresses.Clear();
            }

            alsoRefused = entry.Since;
            _addresses[address] = (now, 0);
            return true;
        }
    }
}
