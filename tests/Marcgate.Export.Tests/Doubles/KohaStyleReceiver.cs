using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>
/// Koha's connexion_import_daemon as gateway §5 describes it: reads until a NUL ("EOT") or until the
/// silence passes with no new bytes (5 s in Koha), then replies and closes the connection. Its reply has a
/// second line with the record's link. Given a clock, it waits a short real <paramref name="silence"/> and
/// moves the clock by Koha's 5 s, so the exporter sees Koha's wait without the test spending it.
/// </summary>
internal sealed class KohaStyleReceiver(TimeSpan silence, ManualClock? clock = null) : LoopbackReceiver
{
    public const string Link = "http://koha.example.org/cgi-bin/koha/catalogue/detail.pl?biblionumber=42";

    public static readonly TimeSpan KohaSilence = TimeSpan.FromSeconds(5);

    public KohaStyleReceiver()
        : this(KohaSilence)
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
            if (!byNul)
            {
                clock?.Advance(KohaSilence);
            }

            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"Success.  Batch number 7 - biblio record number 42 added to Koha.\n\n{Link}\0"), cancellationToken);
        }
        else
        {
            await stream.WriteAsync("Failed. No MARC record received.\n\0"u8.ToArray(), cancellationToken);
        }
    }
}
