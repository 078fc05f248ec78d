using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marcgate.Host.Tests;

/// <summary>A loopback client that sends raw bytes and reads replies up to their NUL (gateway §4).</summary>
internal sealed class GatewayTestClient : IAsyncDisposable
{
    // Generous: a bound against hangs, never an assertion about time.
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    private GatewayTestClient(Socket socket) => _socket = socket;

    /// <summary>Connects, from <paramref name="from"/> when given (127.0.0.2 to 127.0.0.255 bind locally on Linux).</summary>
    public static async Task<GatewayTestClient> ConnectAsync(IPEndPoint endPoint, IPAddress? from = null)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (from is not null)
            {
                socket.Bind(new IPEndPoint(from, 0));
            }

            await socket.ConnectAsync(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new GatewayTestClient(socket);
    }

    public async Task SendAsync(byte[] bytes)
    {
        for (var sent = 0; sent < bytes.Length;)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    public void EndSending() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>The next reply's text without its NUL, or null when the host closed first.</summary>
    public async Task<string?> ReadReplyAsync()
    {
        using var cancel = new CancellationTokenSource(s_patience);
        var chunk = new byte[4096];
        while (true)
        {
            var nul = _pending.IndexOf(0);
            if (nul >= 0)
            {
                var text = Encoding.ASCII.GetString(_pending.GetRange(0, nul).ToArray());
                _pending.RemoveRange(0, nul + 1);
                return text;
            }

            var received = await _socket.ReceiveAsync(chunk, SocketFlags.None, cancel.Token);
            if (received == 0)
            {
                return null;
            }

            _pending.AddRange(chunk.AsSpan(0, received));
        }
    }

    /// <summary>True when the host closes the connection with nothing more to read.</summary>
    public async Task<bool> IsClosedByHostAsync()
    {
        using var cancel = new CancellationTokenSource(s_patience);
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(chunk, SocketFlags.None, cancel.Token);
                if (received == 0)
                {
                    return _pending.Count == 0;
                }

                _pending.AddRange(chunk.AsSpan(0, received));
            }
        }
        catch (SocketException)
        {
            return _pending.Count == 0;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
