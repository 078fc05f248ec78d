using System.Net;
using System.Net.Sockets;

namespace Marcgate.Web.Tests.Cataloging;

/// <summary>
/// A loopback relay in front of a gateway host that counts the connections an exporter opens: pointed at it, the
/// exporter's records still reach the host, and the count tells Individual (a connection a record) from Single.
/// </summary>
public sealed class RecordingRelay : IAsyncDisposable
{
    private readonly IPEndPoint _host;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _relays = [];
    private readonly Task _accepting;
    private int _connections;

    private RecordingRelay(IPEndPoint host)
    {
        _host = host;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port to point the exporter at.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections have been opened so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Starts relaying to the host at that address.</summary>
    public static RecordingRelay Start(IPEndPoint host) => new(host);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] relays;
        lock (_relays)
        {
            relays = [.. _relays];
        }

        await Task.WhenAll(relays);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_relays)
            {
                _relays.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_host, _stop.Token);

                // Both streams before either copy starts: a copy that fails at once marks its socket as not connected.
                var fromClient = client.GetStream();
                var fromHost = upstream.GetStream();
                await Task.WhenAll(CopyThenCloseAsync(fromClient, upstream.Client), CopyThenCloseAsync(fromHost, client.Client));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // Either side went away: the relay ends with it.
            }
        }
    }

    private async Task CopyThenCloseAsync(NetworkStream from, Socket to)
    {
        var buffer = new byte[8192];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
        }

        to.Shutdown(SocketShutdown.Send);
    }
}
