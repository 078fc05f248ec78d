using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Marcgate.Web.Cataloging;

/// <summary>Check destination: opens a TCP connection to the host and closes it, sending nothing, and says whether the host answered.</summary>
internal static class DestinationCheck
{
    public static async Task<(bool Answered, string Message)> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        var where = $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            await client.ConnectAsync(host, port, limit.Token).ConfigureAwait(false);
            return (true, $"{where} answers: a connection opened in {clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms and was closed; nothing was sent.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"{where} does not answer: no connection within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        catch (SocketException e)
        {
            return (false, $"{where} does not answer: {e.Message}");
        }
    }
}
