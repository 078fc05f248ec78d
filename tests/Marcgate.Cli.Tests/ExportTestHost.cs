using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marcgate.Cli.Tests;

/// <summary>
/// A loopback host answering as gateway §4 describes: added for every record, invalid-record when its bytes hold
/// "REJECT"; or what <c>answer</c> returns for a request (its bytes as Latin-1), when it returns text. It
/// serves one request per connection and then closes it.
/// </summary>
internal sealed class ExportTestHost : IAsyncDisposable
{
    public const string LogonRefusal = "Import Failed. Logon failed--the logon ID and/or password is not valid.\r\nstatus=error code=logon-failed\r\n\0";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Func<string, string?>? _answer;
    private int _records;

    public ExportTestHost(Func<string, string?>? answer = null)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<byte[]> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                _ = ServeAsync(socket);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket))
        {
            var request = new MemoryStream();
            var buffer = new byte[8192];
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Write(buffer, 0, read);

                    // The exporter under test sends EOT after the record (Notify Host before Disconnect).
                    if (buffer[read - 1] == 0)
                    {
                        break;
                    }
                }

                var bytes = request.ToArray();
                Requests.Enqueue(bytes);
                var reply = _answer?.Invoke(Encoding.Latin1.GetString(bytes)) ?? (Encoding.Latin1.GetString(bytes).Contains("REJECT", StringComparison.Ordinal)
                    ? "Import Failed. The record is not valid: 245 REJECT.\r\nstatus=error code=invalid-record\r\n\0"
                    : $"The record has been processed successfully. Record {Interlocked.Increment(ref _records):D6} was added to NETWORK.\r\nstatus=ok action=added repository=NETWORK record={_records:D6} warnings=0\r\n\0");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }
        }
    }
}
