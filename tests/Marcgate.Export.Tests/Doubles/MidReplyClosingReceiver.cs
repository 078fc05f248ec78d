using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>A host that closes in the middle of its reply on its first <paramref name="cutConnections"/> connections, then answers properly as Marcgate's host does (gateway §4).</summary>
internal sealed class MidReplyClosingReceiver(int cutConnections) : LoopbackReceiver
{
    public const string FullReply = "The record has been processed successfully. Record 000001 was added to NETWORK.\r\nstatus=ok action=added repository=NETWORK record=000001 warnings=0\r\n\0";

    protected override async Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken)
    {
        var pending = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            // Waits for the EOT too: closing with unread bytes would reset the connection instead of closing it.
            if (RequestScanner.TryScan(pending.ToArray(), connection, out var request, out _) && request!.EndedWithEot)
            {
                Requests.Enqueue(request!);
                var reply = System.Text.Encoding.ASCII.GetBytes(FullReply);
                if (connection <= cutConnections)
                {
                    await stream.WriteAsync(reply.AsMemory(0, 40), cancellationToken);
                    socket.Shutdown(SocketShutdown.Both);
                    return;
                }

                await stream.WriteAsync(reply, cancellationToken);
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
