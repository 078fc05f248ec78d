using System.Net;

namespace Marcgate.Host;

/// <summary>Counts connections in all and per peer address against the configured limits.</summary>
internal sealed class ConnectionLimiter(int maxConnections, int maxPerPeer)
{
    private readonly Dictionary<IPAddress, int> _perPeer = [];
    private readonly Lock _lock = new();
    private int _total;

    public int Total
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>Counts a connection from <paramref name="peer"/>; false, with the reply's sentence and the limit met (<see cref="GatewayMetrics.Limit"/> or <see cref="GatewayMetrics.PeerLimit"/>), when it is over a limit.</summary>
    public bool TryAcquire(IPAddress peer, out string refusal, out string limit)
    {
        lock (_lock)
        {
            _perPeer.TryGetValue(peer, out var fromPeer);
            if (_total >= maxConnections)
            {
                refusal = $"The host is serving its limit of {maxConnections} connections; try again later.";
                limit = GatewayMetrics.Limit;
                return false;
            }

            if (fromPeer >= maxPerPeer)
            {
                refusal = $"The host is serving its limit of {maxPerPeer} connections from {peer}; try again later.";
                limit = GatewayMetrics.PeerLimit;
                return false;
            }

            _total++;
            _perPeer[peer] = fromPeer + 1;
            refusal = "";
            limit = "";
            return true;
        }
    }

    public void Release(IPAddress peer)
    {
        lock (_lock)
        {
            _total--;
            if (_perPeer.TryGetValue(peer, out var fromPeer) && fromPeer > 1)
            {
                _perPeer[peer] = fromPeer - 1;
            }
            else
            {
                _perPeer.Remove(peer);
            }
        }
    }
}
