using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>A test receiver on 127.0.0.1, port 0: accepts connections and hands each to the behaviour under test.</summary>
internal abstract class LoopbackReceiver : IAsyncDisposable
{
    private TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private Task? _accepting;
    private int _connections;

    protected LoopbackReceiver(bool start = true)
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        if (start)
        {
            _accepting = AcceptAsync();
        }
        else
        {
            // Keep the port number but refuse connections until Start.
            _listener.Stop();
        }
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public void Start()
    {
        if (_accepting is not null)
        {
            return;
        }

        if (!_listener.Server.IsBound)
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
        }

        _accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_accepting is not null)
        {
            await _accepting.ConfigureAwait(false);
        }

        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions).ConfigureAwait(false);
        _stop.Dispose();
    }

    protected abstract Task ServeAsync(Socket socket, NetworkStream stream, int connection, CancellationToken cancellationToken);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connections);
            lock (_sessions)
            {
                _sessions.Add(RunAsync(socket, number));
            }
        }
    }

    private async Task RunAsync(Socket socket, int number)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                await ServeAsync(socket, stream, number, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The exporter went away or the test ended: nothing to serve.
            }
        }
    }
}
