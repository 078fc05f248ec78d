using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>
/// Evergreen's marc_stream_importer as gateway §2 describes it: the raw dialect, no logon block; reads to
/// the record terminator 0x1D, answers with a line of text and closes (no NUL).
/// </summary>
internal sealed class EvergreenStyleReceiver : LoopbackReceiver
{
    protected override async Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            received.Write(buffer, 0, read);
            var end = Array.IndexOf(buffer, (byte)0x1D, 0, read);
            if (end >= 0)
            {
                break;
            }
        }

        var bytes = received.ToArray();
        var isRaw = bytes[0] is >= (byte)'0' and <= (byte)'9';
        Requests.Enqueue(new ReceivedRequest(connection, null, null, null, bytes, false) { Raw = bytes });
        await stream.WriteAsync(isRaw ? "Imported 1 record\n"u8.ToArray() : "Import failed: not a MARC record\n"u8.ToArray(), cancellationToken);
        socket.Shutdown(SocketShutdown.Send);
    }
}
