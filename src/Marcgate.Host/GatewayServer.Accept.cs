using System.Net;
using System.Net.Sockets;

namespace Marcgate.Host;

public sealed partial class GatewayServer
{
    private async Task AcceptAsync(Socket listener, bool tls)
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

            Serve(socket, tls);
        }
    }

    private void Serve(Socket socket, bool tls)
    {
        socket.NoDelay = true;
        var peer = (IPEndPoint)socket.RemoteEndPoint!;
        var session = new GatewaySession(socket, peer, _options, _importer, _logger, _stopping.Token, _abort.Token) { Certificate = tls ? _certificate : null };
        var id = Interlocked.Increment(ref _nextSession);
        if (!_limiter.TryAcquire(peer.Address, out var refusal))
        {
            Track(id, session.RefuseAsync(refusal));
            return;
        }

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
        }
    }

    private void Track(long id, Task session)
    {
        _sessions[id] = session;
        session.ContinueWith(_ => _sessions.TryRemove(id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
