using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>
/// Koha's connexion_import_daemon as gateway §5 describes it: reads until a NUL ("EOT") or until the
/// silence passes with no new bytes (5 s in Koha), then replies and closes the connection.
/// </summary>
internal sealed class KohaStyleReceiver(TimeSpan silence) : LoopbackReceiver
{
    public KohaStyleReceiver()
        : this(TimeSpan.FromSeconds(5))
    {
    }

    protected override async Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        var byNul = false;
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(silence);
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
            if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0)
            {
                byNul = true;
                break;
            }
        }

        if (RequestScanner.TryScan(received.ToArray(), connection, out var request, out _))
        {
            Requests.Enqueue(request! with { AnsweredBecauseOfNul = byNul });
            await stream.WriteAsync("Success. Imported record into Koha.\n\0"u8.ToArray(), cancellationToken);
        }
        else
        {
            await stream.WriteAsync("Failed. No MARC record received.\n\0"u8.ToArray(), cancellationToken);
        }
    }
}
