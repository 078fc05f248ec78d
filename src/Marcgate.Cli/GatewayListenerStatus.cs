using Marcgate.Host;
using Marcgate.Web;

namespace Marcgate.Cli;

/// <summary>The web console's view of the gateway listeners running in the same process.</summary>
internal sealed class GatewayListenerStatus(GatewayServer server) : IListenerStatus
{
    // The server lists the sockets it has bound; it holds them until the host stops, and the process ends with it.
    public IReadOnlyList<ListenerState> Listeners => [.. server.EndPoints.Select(endPoint => new ListenerState(endPoint.ToString(), Bound: true))];

    public int Connections => server.ConnectionCount;
}
