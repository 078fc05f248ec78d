using System.Net.Sockets;
using Marcgate.Gateway.Client;

namespace Marcgate.Export.Gateway;

/// <summary>One TCP connection to a gateway host: sends a request, reads its reply (gateway §3-§5).</summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly GatewayTrace? _trace;
    private readonly string _endpoint;
    private readonly TimeProvider _time;
    private readonly byte[] _buffer = new byte[4096];

    private GatewayConnection(Socket socket, Stream stream, string endpoint, GatewayTrace? trace, TimeProvider time)
    {
        _socket = socket;
        _stream = stream;
        _endpoint = endpoint;
        _trace = trace;
        _time = time;
    }

    /// <summary>How many requests this connection has carried.</summary>
    public int Requests { get; private set; }

    /// <summary>How long the host was silent between the last request's final byte and the first byte of its reply.</summary>
    public TimeSpan ReplyWait { get; private set; }

    /// <summary>Connects within the timeout, with TLS when <paramref name="tls"/> is given.</summary>
    /// <exception cref="GatewayTransportException">The host cannot be reached (retryable), or the TLS handshake failed (not retryable).</exception>
    public static async Task<GatewayConnection> ConnectAsync(string host, int port, TimeSpan timeout, GatewayTrace? trace, TimeProvider time, CancellationToken cancellationToken, GatewayTls? tls = null)
    {
        var connection = await ConnectTcpAsync(host, port, timeout, trace, time, cancellationToken).ConfigureAwait(false);
        if (tls is null)
        {
            return connection;
        }

        try
        {
            var stream = await tls.AuthenticateAsync(connection._stream, host, $"{host}:{port}", timeout, trace, cancellationToken).ConfigureAwait(false);
            return new GatewayConnection(connection._socket, stream, connection._endpoint, trace, time);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<GatewayConnection> ConnectTcpAsync(string host, int port, TimeSpan timeout, GatewayTrace? trace, TimeProvider time, CancellationToken cancellationToken)
    {
        var endpoint = $"{host}:{port}";
        trace?.Note($"connect {endpoint}");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
            trace?.Note($"connected to {endpoint}");
            return new GatewayConnection(socket, new NetworkStream(socket, ownsSocket: true), endpoint, trace, time);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            trace?.Note($"connect to {endpoint} timed out after {timeout.TotalSeconds} s");
            throw new GatewayTransportException($"cannot connect to {endpoint}: no answer within the timeout of {timeout.TotalSeconds} s", retryable: true) { Unreachable = true, Reason = "cannot connect" };
        }
        catch (SocketException e)
        {
            socket.Dispose();
            trace?.Note($"connect to {endpoint} failed: {e.SocketErrorCode}");
            throw new GatewayTransportException($"cannot connect to {endpoint}: {Describe(e)}", retryable: true, e) { Unreachable = true, Reason = "cannot connect" };
        }
    }

    /// <summary>Sends one request and reads its reply up to the NUL, the host's close, or the timeout.</summary>
    /// <exception cref="GatewayTransportException">The connection was lost before a reply (retryable) or the timeout passed (not retryable).</exception>
    public async Task<HostReply> ExchangeAsync(GatewayRequestBytes request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Requests++;
        ReplyWait = TimeSpan.Zero;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var reader = new GatewayReplyReader();
        try
        {
            _trace?.Sent(request);
            await _stream.WriteAsync(request.Bytes, deadline.Token).ConfigureAwait(false);
            var sent = _time.GetTimestamp();
            var first = true;
            while (true)
            {
                var read = await _stream.ReadAsync(_buffer, deadline.Token).ConfigureAwait(false);
                if (first)
                {
                    ReplyWait = _time.GetElapsedTime(sent);
                    first = false;
                }
                if (read == 0)
                {
                    _trace?.Note("host closed the connection");
                    var reply = reader.Close() ?? throw new GatewayTransportException(
                        $"the TCP/IP connection to {_endpoint} was closed by the remote host before a reply", retryable: true);

                    // A reply is whole at its NUL (gateway §4); one ended by a close is whole only at a line end.
                    // Cut short, the outcome is unknown: it is lost like a connection before the reply.
                    if (!reply.Text.EndsWith('\n'))
                    {
                        var cut = $"the TCP/IP connection to {_endpoint} was closed in the middle of the host's reply (\"{Shorten(reply.Text)}\")";
                        throw new GatewayTransportException(cut, retryable: true) { NothingReceived = false };
                    }

                    return reply;
                }

                _trace?.Received(_buffer.AsSpan(0, read));
                switch (reader.Feed(_buffer.AsSpan(0, read), out _))
                {
                    case GatewayReplyState.Complete:
                        return reader.Reply!;
                    case GatewayReplyState.TooLong:
                        throw new GatewayTransportException($"the reply from {_endpoint} exceeds {GatewayReplyReader.DefaultMaxReplyBytes} bytes without a NUL; the host does not speak the gateway protocol", retryable: false) { NothingReceived = false, Reason = "not a gateway reply" };
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _trace?.Note($"no reply within {timeout.TotalSeconds} s");
            var partial = reader.Received > 0 ? $" ({reader.Received} bytes of a reply without its NUL)" : string.Empty;
            throw new GatewayTransportException($"no reply from {_endpoint} within the timeout of {timeout.TotalSeconds} s{partial}", retryable: false) { NothingReceived = reader.Received == 0, Reason = "no reply within the timeout" };
        }
        catch (IOException e)
        {
            _trace?.Note($"connection lost: {e.Message}");
            throw new GatewayTransportException($"the TCP/IP connection to {_endpoint} was lost before a reply: {(e.InnerException is SocketException s ? Describe(s) : e.Message)}", retryable: true, e) { NothingReceived = reader.Received == 0 };
        }
        catch (SocketException e)
        {
            _trace?.Note($"connection lost: {e.SocketErrorCode}");
            throw new GatewayTransportException($"the TCP/IP connection to {_endpoint} was lost before a reply: {Describe(e)}", retryable: true, e) { NothingReceived = reader.Received == 0 };
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _trace?.Note($"disconnect from {_endpoint}");
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the host: nothing to shut down.
        }
        catch (ObjectDisposedException)
        {
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by the host",
        SocketError.HostNotFound or SocketError.NoData => "host name not found",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "host unreachable",
        _ => e.Message,
    };
}
