using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Gateway;
using Marcgate.Gateway.Client;
using Polly;
using Polly.Retry;

namespace Marcgate.Export.Gateway;

/// <summary>Exports to a TCP/IP connection as gateway §6 describes each setting.</summary>
/// <remarks>
/// Individual without Permanent Connection: a connection per record, closed after its reply.
/// Permanent Connection or Single: one connection reused for every record, reopened when the host closed it.
/// Retries (with Delay between) follow a failed connect or a connection lost before the reply; a record
/// that may have reached the host is sent again only because hosts are idempotent (gateway §6, §7 step 7).
/// A timeout waiting for the reply is not retried: the host may still be working on the record.
/// A refused or locked-out logon, and a host that cannot be reached through every retry, stop the export
/// (<see cref="DeliveryResult.Stop"/>): further records would only fail the same way, and refused logons lock an account out.
/// </remarks>
public sealed class GatewayExportDestination : IExportDestination
{
    private static readonly string[] s_logonWords = ["logon", "log on", "login", "authenticat", "password"];

    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private readonly bool _reuse;
    private readonly bool _notifyHost;
    private readonly GatewayLogon _logon;
    private readonly GatewayTrace? _trace;
    private readonly ResiliencePipeline _retry;
    private readonly TimeProvider _time;
    private readonly ExportOptions _options;
    private GatewayTls? _tls;
    private GatewayConnection? _connection;
    private bool _reconnected;

    /// <summary>Creates the destination; the password is resolved by the caller.</summary>
    public GatewayExportDestination(ExportOptions options, string? password, GatewayTrace? trace = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _host = options.Host ?? throw new ArgumentException("A TCP/IP destination needs a host name.", nameof(options));
        _options = options;
        _port = options.Port;
        _timeout = options.Timeout;
        _reuse = options.PermanentConnection || options.FileType == ExportFileType.Single;
        _notifyHost = options.NotifyHostBeforeDisconnect;
        _logon = new GatewayLogon(
            options.SendLogonId ? options.LogonId : null,
            options.SendLogonId ? password ?? string.Empty : null,
            options.SendUserId ? options.UserId : null);
        _trace = trace;
        _time = time ?? TimeProvider.System;
        _retry = options.Retries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<GatewayTransportException>(e => e.Retryable),
                MaxRetryAttempts = options.Retries,
                Delay = options.Delay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                OnRetry = args =>
                {
                    _trace?.Note($"retry {args.AttemptNumber + 1} of {options.Retries} after {options.Delay.TotalSeconds} s: {args.Outcome.Exception?.Message}");
                    return ValueTask.CompletedTask;
                },
            }).Build();
    }

    /// <summary>Raised after an attempt fails and before the next one, with the attempt number (1-based) and the reason.</summary>
    public event Action<int, string>? AttemptFailed;

    /// <summary>How many connections this destination opened.</summary>
    public int ConnectionsOpened { get; private set; }

    /// <summary>
    /// A silence this long between a request sent without EOT and the first byte of its reply means the host
    /// waited for the client to go idle before answering (Koha waits 5 s; gateway §5).
    /// </summary>
    public TimeSpan IdleWaitThreshold { get; init; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public async Task<DeliveryResult> DeliverAsync(PreparedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = GatewayRequestWriter.Write(_logon, record.Iso2709, _notifyHost);
        var attempts = 0;
        var reasons = new List<string>();
        _reconnected = false;
        try
        {
            var (reply, wait) = await _retry.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    try
                    {
                        return await ExchangeAsync(request, ct).ConfigureAwait(false);
                    }
                    catch (GatewayTransportException e)
                    {
                        reasons.Add(e.Message);
                        AttemptFailed?.Invoke(attempts, e.Message);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);

            var stop = StopFor(reply);
            return new DeliveryResult(reply.Accepted ? ExportStatus.Accepted : ExportStatus.Rejected, reply.HumanLine)
            {
                Reply = reply,
                Attempts = attempts,
                RetriedBecause = reasons.ToList(),
                Reason = reply.Accepted ? null : reply.Code ?? Shorten(reply.HumanLine),
                Stop = stop,
                AnsweredAfterIdleWait = !_notifyHost && wait >= IdleWaitThreshold,
                Reconnected = _reconnected,
                SentUserId = _logon.UserId is not null,
            };
        }
        catch (GatewayTransportException e)
        {
            var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
            var unreachable = e.Unreachable ? ExportStop.HostUnreachable : e.TlsFailed ? ExportStop.TlsFailed : null;
            return new DeliveryResult(unreachable is null ? ExportStatus.Failed : ExportStatus.NotSent, $"{e.Message} ({tries})")
            {
                Attempts = attempts,
                RetriedBecause = reasons.Take(reasons.Count - 1).ToList(),
                Reason = unreachable?.Reason ?? e.Reason,
                Stop = unreachable,
                SentUserId = _logon.UserId is not null,
            };
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    // gateway §4: a host without reply codes (Koha, FOLIO) is judged by its sentence.
    private static ExportStop? StopFor(HostReply reply) => reply.Code switch
    {
        GatewayReplyCodes.LogonFailed => ExportStop.LogonRefused,
        GatewayReplyCodes.LockedOut => ExportStop.LockedOut,
        GatewayReplyCodes.StorageFull => ExportStop.HostStorageFull,
        null when !reply.Accepted && s_logonWords.Any(w => reply.Text.Contains(w, StringComparison.OrdinalIgnoreCase)) => ExportStop.LogonRefused,
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private async Task<(HostReply Reply, TimeSpan Wait)> ExchangeAsync(GatewayRequestBytes request, CancellationToken cancellationToken)
    {
        if (!_reuse)
        {
            await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            var reply = await connection.ExchangeAsync(request, _timeout, cancellationToken).ConfigureAwait(false);
            return (reply, connection.ReplyWait);
        }

        var reused = _connection is not null;
        _connection ??= await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reply = await _connection.ExchangeAsync(request, _timeout, cancellationToken).ConfigureAwait(false);
            return (reply, _connection.ReplyWait);
        }
        catch (GatewayTransportException e) when (reused && e.Retryable && e.NothingReceived)
        {
            // gateway §5: a host closes an idle connection; a kept connection found closed is reopened
            // at once, without spending one of the Retries on it.
            _trace?.Note("the kept connection was closed by the host; reconnecting");
            _reconnected = true;
            await DropConnectionAsync().ConfigureAwait(false);
            _connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return await ExchangeOnKeptAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayTransportException)
        {
            await DropConnectionAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<(HostReply Reply, TimeSpan Wait)> ExchangeOnKeptAsync(GatewayRequestBytes request, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await _connection!.ExchangeAsync(request, _timeout, cancellationToken).ConfigureAwait(false);
            return (reply, _connection.ReplyWait);
        }
        catch (GatewayTransportException)
        {
            await DropConnectionAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<GatewayConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        // The CA file is read once, on the first connection: a problem with it is that connection's failure.
        _tls ??= GatewayTls.From(_options);
        var connection = await GatewayConnection.ConnectAsync(_host, _port, _timeout, _trace, _time, cancellationToken, _tls).ConfigureAwait(false);
        ConnectionsOpened++;
        return connection;
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }
}
