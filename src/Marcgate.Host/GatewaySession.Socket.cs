using System.Buffers;
using System.Net.Sockets;
using Marcgate.Gateway;

namespace Marcgate.Host;

internal sealed partial class GatewaySession
{
    private const int DrainChunk = 8192;

    private async Task<ReceiveResult> ReceiveAsync(TimeSpan timeout, bool betweenRequests)
    {
        // Shutdown ends connections that wait between requests; a request in hand goes on until it completes (§5).
        using var cancel = betweenRequests
            ? CancellationTokenSource.CreateLinkedTokenSource(_abort, _stopping)
            : CancellationTokenSource.CreateLinkedTokenSource(_abort);
        cancel.CancelAfter(timeout);
        try
        {
            if (_buffer.Count == 0)
            {
                // A zero-byte receive waits for data without holding a buffer: idle connections cost no buffer memory
                // (SslStream gives its own buffer back on a zero-byte read too).
                _ = _tls is null
                    ? await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancel.Token).ConfigureAwait(false)
                    : await _tls.ReadAsync(Memory<byte>.Empty, cancel.Token).ConfigureAwait(false);
            }

            var received = _tls is null
                ? await _socket.ReceiveAsync(_buffer.GetReceiveMemory(), SocketFlags.None, cancel.Token).ConfigureAwait(false)
                : await _tls.ReadAsync(_buffer.GetReceiveMemory(), cancel.Token).ConfigureAwait(false);
            if (received == 0)
            {
                return ReceiveResult.EndOfStream;
            }

            _buffer.Advance(received);
            return ReceiveResult.Data;
        }
        catch (OperationCanceledException) when (!_abort.IsCancellationRequested)
        {
            return betweenRequests && _stopping.IsCancellationRequested ? ReceiveResult.Stopping : ReceiveResult.Timeout;
        }
    }

    private async Task ReplyAsync(GatewayReply reply)
    {
        var bytes = GatewayReplyWriter.Write(reply);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_abort);
        cancel.CancelAfter(_options.IdleTimeout);
        if (_tls is not null)
        {
            await _tls.WriteAsync(bytes, cancel.Token).ConfigureAwait(false);
            return;
        }

        for (var sent = 0; sent < bytes.Length;)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, cancel.Token).ConfigureAwait(false);
        }
    }

    // Closing with unread input would reset the connection and could destroy the reply before the client reads it:
    // end our side, then read and drop what the client still sends, for a bounded time and amount (under TLS, the raw bytes).
    private async Task CloseAfterErrorAsync()
    {
        try
        {
            if (_tls is not null)
            {
                // close_notify first, so the client reads the reply as whole rather than as a truncated stream.
                await _tls.ShutdownAsync().ConfigureAwait(false);
            }

            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent(DrainChunk);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_abort);
        cancel.CancelAfter(_options.SettleTime);
        try
        {
            for (var drained = 0L; drained <= _options.MaxRequestBytes;)
            {
                var received = await _socket.ReceiveAsync(scratch, SocketFlags.None, cancel.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                drained += received;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            // The client went on sending or went away; the connection closes either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
