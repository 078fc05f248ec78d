using System.Net;
using System.Net.Sockets;

namespace Marcgate.Host;

public sealed partial class GatewayServer
{
    private async Task AcceptAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (_stopping.IsCancellationRequested && ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Out of descriptors or a connection reset before it was accepted: the listener itself is fine.
                HostLog.ConnectionLost(_logger, listener.LocalEndPoint?.ToString() ?? "listener", ex.Message);
                await Task.Delay(50).ConfigureAwait(false);
                continue;
            }

            Serve(socket);
        }
    }

    private void Serve(Socket socket)
    {
        socket.NoDelay = true;
        var peer = (IPEndPoint)socket.RemoteEndPoint!;
        var session = new GatewaySession(socket, peer, _options, _importer, _logger, _stopping.Token, _abort.Token);
        var id = Interlocked.Increment(ref _nextSession);
        if (!_limiter.TryAcquire(peer.Address, out var refusal, out var limit))
        {
            GatewayMetrics.ConnectionRefused(limit);
            Track(id, session.RefuseAsync(refusal));
            return;
        }

        GatewayMetrics.ConnectionOpened();
        Track(id, RunAsync(session, peer.Address));
    }

    private async Task RunAsync(GatewaySession session, IPAddress peer)
    {
        try
        {
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _limiter.Release(peer);
            GatewayMetrics.ConnectionClosed();
        }
    }

    private void Track(long id, Task session)
    {
        _sessions[id] = session;
        session.ContinueWith(_ => _sessions.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
