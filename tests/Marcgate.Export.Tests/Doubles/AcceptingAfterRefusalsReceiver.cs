using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>A host that is not listening at first (connections refused) and starts when told; then answers like FOLIO.</summary>
internal sealed class AcceptingAfterRefusalsReceiver : LoopbackReceiver
{
    public AcceptingAfterRefusalsReceiver()
        : base(start: false)
    {
    }

    protected override async Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            if (RequestScanner.TryScan(pending.ToArray(), connection, out var request, out _))
            {
                Requests.Enqueue(request!);
                await stream.WriteAsync("Import ok\n\0"u8.ToArray(), cancellationToken);
                return;
            }

            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            pending.AddRange(buffer.AsSpan(0, read));
        }
    }
}
