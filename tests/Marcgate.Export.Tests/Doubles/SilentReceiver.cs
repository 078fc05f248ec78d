using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>A host that reads everything and never replies (gateway §6 Timeout).</summary>
internal sealed class SilentReceiver : LoopbackReceiver
{
    protected override async Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (await stream.ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }
}
