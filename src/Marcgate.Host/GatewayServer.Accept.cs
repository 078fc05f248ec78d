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

            Serve(socket, tls, _defaultAccounts[listener]);
        }
    }

    private void Serve(Socket socket, bool tls, string? defaultAccount)
    {
        socket.NoDelay = true;
        var peer = (IPEndPoint)socket.RemoteEndPoint!;
        var session = new GatewaySession(socket, peer, _options, _importer, _logger, _storageFull, _stopping.Token, _abort.Token) { Certificate = tls ? _certificate : null, DefaultAccount = defaultAccount };
        var id = Interlocked.Increment(ref _nextSession);
        if (!_limiter.TryAcquire(peer.Address, out var refusal, out var limit))
        {
            GatewayMetrics.ConnectionRefused(limit);
            // A flood is logged once per address a minute, with how many were refused meanwhile, not once per connection.
            if (_refusals.ShouldLog(peer.Address, out var alsoRefused))
            {
                HostLog.Refused(_logger, peer.ToString(), alsoRefused == 0 ? refusal : $"{refusal} ({alsoRefused} more refused from this address in the last minute)");
            }

            // Answering busy takes a moment (the reply, then draining what the client sends); past this many at once the
            // answers themselves would hold a flood's sockets open, so further refused connections are just closed.
            if (Interlocked.Increment(ref _refusing) > MaxRefusingAtOnce)
            {
                Interlocked.Decrement(ref _refusing);
                socket.Dispose();
                return;
            }

            Track(id, RefuseAsync(session, refusal));
            return;
        }

        GatewayMetrics.ConnectionOpened();
        Track(id, RunAsync(session, peer.Address));
    }

    private async Task RefuseAsync(GatewaySession session, string reason)
    {
        try
        {
            await session.RefuseAsync(reason).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _refusing);
        }
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
