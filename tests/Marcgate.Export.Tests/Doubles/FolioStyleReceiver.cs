using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>
/// FOLIO edge-connexion as gateway §5 describes it: replies <c>Import ok\n\0</c> as soon as the record is
/// whole and keeps the connection open for the next request; optionally closes after each reply instead
/// (a host that drops a kept connection between records).
/// </summary>
internal sealed class FolioStyleReceiver(bool closeAfterReply = false) : LoopbackReceiver
{
    protected override async Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            while (RequestScanner.TryScan(pending.ToArray(), connection, out var request, out var consumed))
            {
                pending.RemoveRange(0, consumed);
                Requests.Enqueue(request!);
                await stream.WriteAsync("Import ok\n\0"u8.ToArray(), cancellationToken);
                if (closeAfterReply)
                {
                    return;
                }
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
