using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host;

/// <summary>One client connection: reads requests (gateway §3), answers each (§4) and keeps the connection for the next (§5).</summary>
internal sealed partial class GatewaySession
{
    private readonly Socket _socket;
    private readonly GatewayHostOptions _options;
    private readonly GatewayRequestReader _reader;
    private readonly IGatewayImporter _importer;
    private readonly ILogger _logger;
    private readonly StorageFullLog _storageFull;
    private readonly CancellationToken _stopping;
    private readonly CancellationToken _abort;
    private readonly RequestBuffer _buffer;
    private readonly string _peerAddress;
    private readonly string _peer;
    private bool _answeredAny;

    // When the first byte of the request in hand arrived (Stopwatch timestamp), for the minimum data rate; 0 between requests.
    private long _requestStarted;
    private SslStream? _tls;

    public GatewaySession(Socket socket, IPEndPoint peer, GatewayHostOptions options, IGatewayImporter importer, ILogger logger, StorageFullLog storageFull, CancellationToken stopping, CancellationToken abort)
    {
        _storageFull = storageFull;
        _socket = socket;
        _options = options;
        _reader = new GatewayRequestReader(options.ReaderOptions);
        _importer = importer;
        _logger = logger;
        _stopping = stopping;
        _abort = abort;
        _buffer = new RequestBuffer(options.MaxRequestBytes);
        _peerAddress = peer.Address.IsIPv4MappedToIPv6 ? peer.Address.MapToIPv4().ToString() : peer.Address.ToString();
        _peer = peer.ToString();
    }

    /// <summary>The certificate of a TLS listener's connection; null on a plain listener.</summary>
    public ServerCertificate? Certificate { get; init; }

    /// <summary>The logon ID that a request without a logon block uses on this connection's listener, if the listener names one (gateway §2).</summary>
    public string? DefaultAccount { get; init; }

    public async Task RunAsync()
    {
        try
        {
            if (Certificate is null || await HandshakeAsync().ConfigureAwait(false))
            {
                await ServeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException
                                   || (ex is OperationCanceledException && _abort.IsCancellationRequested))
        {
            HostLog.ConnectionLost(_logger, _peer, ex.Message);
        }
        catch (Exception ex)
        {
            HostLog.SessionFailed(_logger, _peer, ex);
        }
        finally
        {
            _tls?.Dispose();
            _buffer.Dispose();
            _socket.Dispose();
        }
    }

    /// <summary>Answers a connection over the limits with <c>code=busy</c>, then closes it; a TLS connection is closed without a handshake or reply.</summary>
    public async Task RefuseAsync(string reason)
    {
        try
        {
            if (Certificate is not null)
            {
                return;
            }

            await ReplyAsync(GatewayReply.Failure(GatewayReplyCodes.Busy, reason)).ConfigureAwait(false);
            await CloseAfterErrorAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            HostLog.ConnectionLost(_logger, _peer, ex.Message);
        }
        finally
        {
            _socket.Dispose();
        }
    }

    // A client gets the idle timeout to finish the handshake, as it would to send its request.
    private async Task<bool> HandshakeAsync()
    {
        var tls = new SslStream(new NetworkStream(_socket, ownsSocket: false), leaveInnerStreamOpen: false);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_abort, _stopping);
        cancel.CancelAfter(_options.IdleTimeout);
        try
        {
            var options = new SslServerAuthenticationOptions { ServerCertificateContext = Certificate!.Current, ClientCertificateRequired = false };
            await tls.AuthenticateAsServerAsync(options, cancel.Token).ConfigureAwait(false);
            _tls = tls;
            return true;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException or OperationCanceledException or InvalidOperationException)
        {
            HostLog.HandshakeFailed(_logger, _peer, ex.Message);
            await tls.DisposeAsync().ConfigureAwait(false);
            return false;
        }
    }

    private async Task ServeAsync()
    {
        var input = GatewayInput.Open;
        while (true)
        {
            var result = _reader.Read(_buffer.Span, input);
            switch (result.Status)
            {
                case GatewayReadStatus.Complete:
                    var request = result.Request!;
                    _buffer.Discard(result.Consumed);
                    _requestStarted = 0;
                    await ReplyAsync(await HandleAsync(request).ConfigureAwait(false)).ConfigureAwait(false);
                    _answeredAny = true;
                    input = input == GatewayInput.Quiet ? GatewayInput.Open : input;
                    continue;
                case GatewayReadStatus.Invalid:
                    // Framing is lost: answer, then close (§5).
                    HostLog.Rejected(_logger, _peer, result.ErrorCode!, result.ErrorMessage!);
                    await ReplyAsync(GatewayReply.Failure(result.ErrorCode!, Sentence(result.ErrorMessage!))).ConfigureAwait(false);
                    await CloseAfterErrorAsync().ConfigureAwait(false);
                    return;
                case GatewayReadStatus.Idle:
                    _buffer.Discard(result.Consumed);
                    break;
            }

            if (input == GatewayInput.Ended)
            {
                return;
            }

            var betweenRequests = result.Status == GatewayReadStatus.Idle;
            var settling = result.Status == GatewayReadStatus.CompleteIfQuiet;
            var wait = settling ? _options.SettleTime : _options.IdleTimeout;
            var slow = false;
            if (!settling && _buffer.Count > 0 && _options.MinDataRate > 0)
            {
                // The request must keep up the minimum rate: wait no longer than until its average would fall below it.
                _requestStarted = _requestStarted == 0 ? Stopwatch.GetTimestamp() : _requestStarted;
                var allowed = TimeSpan.FromSeconds(Math.Max(_options.MinDataRateGrace.TotalSeconds, (double)_buffer.Count / _options.MinDataRate));
                var left = allowed - Stopwatch.GetElapsedTime(_requestStarted);
                if (left <= TimeSpan.Zero)
                {
                    await ReplyAsync(TooSlowReply()).ConfigureAwait(false);
                    await CloseAfterErrorAsync().ConfigureAwait(false);
                    return;
                }

                slow = left < wait;
                wait = slow ? left : wait;
            }

            switch (await ReceiveAsync(wait, betweenRequests).ConfigureAwait(false))
            {
                case ReceiveResult.Data:
                    input = GatewayInput.Open;
                    break;
                case ReceiveResult.EndOfStream:
                    input = GatewayInput.Ended;
                    break;
                case ReceiveResult.Timeout when settling:
                    input = GatewayInput.Quiet;
                    break;
                case ReceiveResult.Timeout when slow:
                    await ReplyAsync(TooSlowReply()).ConfigureAwait(false);
                    await CloseAfterErrorAsync().ConfigureAwait(false);
                    return;
                case ReceiveResult.Timeout when betweenRequests && _answeredAny:
                    // §5: a connection idle between requests is closed after the idle timeout, with nothing to answer.
                    return;
                case ReceiveResult.Timeout:
                    await ReplyAsync(TimeoutReply()).ConfigureAwait(false);
                    await CloseAfterErrorAsync().ConfigureAwait(false);
                    return;
                default:
                    return;
            }
        }
    }

    private GatewayReply TimeoutReply()
    {
        var seconds = _options.IdleTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var message = _buffer.Count == 0
            ? $"No request arrived within {seconds} s."
            : $"No complete record arrived within {seconds} s; {_buffer.Count} bytes of a request were received.";
        HostLog.Rejected(_logger, _peer, GatewayReplyCodes.Timeout, message);
        return GatewayReply.Failure(GatewayReplyCodes.Timeout, message);
    }

    private GatewayReply TooSlowReply()
    {
        var seconds = Stopwatch.GetElapsedTime(_requestStarted).TotalSeconds;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"The request arrived too slowly: {_buffer.Count} bytes in {seconds:0.#} s, below the minimum of {_options.MinDataRate} bytes a second.");
        HostLog.Rejected(_logger, _peer, GatewayReplyCodes.Timeout, message);
        return GatewayReply.Failure(GatewayReplyCodes.Timeout, message);
    }

    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
