using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Marcgate.Catalog.Import;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marcgate.Host;

/// <summary>The gateway host: TCP listeners (gateway §1), one <see cref="GatewaySession"/> per connection, limits and graceful shutdown.</summary>
/// <remarks>Sockets with a contiguous pooled buffer per request rather than pipelines or Kestrel: the §3.2 ambiguity is resolved by
/// re-reading the whole request, which wants one span, and a zero-byte receive lets idle connections hold no buffer at all.</remarks>
public sealed partial class GatewayServer : IHostedService, IAsyncDisposable
{
    private const int Backlog = 512;

    // Connections answered busy at once (see Serve).
    private const int MaxRefusingAtOnce = 256;

    private readonly GatewayHostOptions _options;
    private readonly IGatewayImporter _importer;
    private readonly ILogger _logger;
    private readonly ConnectionLimiter _limiter;
    private readonly RefusalLog _refusals = new(TimeSpan.FromMinutes(1));
    private readonly StorageFullLog _storageFull;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Socket> _tlsListeners = [];
    private readonly Dictionary<Socket, string?> _defaultAccounts = [];
    private readonly ServerCertificate? _certificate;
    private readonly List<Task> _acceptLoops = [];
    private readonly ConcurrentDictionary<long, Task> _sessions = new();
    private long _nextSession;
    private int _refusing;

    /// <summary>Creates the host; nothing listens until <see cref="StartAsync"/>.</summary>
    public GatewayServer(IOptions<GatewayHostOptions> options, IGatewayImporter importer, ILogger<GatewayServer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _importer = importer;
        _logger = logger;
        _storageFull = new StorageFullLog(logger);
        _limiter = new ConnectionLimiter(_options.MaxConnections, _options.MaxConnectionsPerAddress);
        if (_options.Tls.Listen.Count > 0)
        {
            _certificate = new ServerCertificate(_options.Tls.CertificateFile!, _options.Tls.KeyFile!, TimeProvider.System, logger);
        }
    }

    /// <summary>The addresses listened on, with the ports actually bound (port 0 picks one).</summary>
    public IReadOnlyList<IPEndPoint> EndPoints => _listeners.Select(l => (IPEndPoint)l.LocalEndPoint!).ToList();

    /// <summary>The TLS listeners' addresses, with the ports actually bound.</summary>
    public IReadOnlyList<IPEndPoint> TlsEndPoints => _tlsListeners.Select(l => (IPEndPoint)l.LocalEndPoint!).ToList();

    /// <summary>Connections being served now.</summary>
    public int ConnectionCount => _limiter.Total;

    /// <summary>Binds every listener and starts accepting.</summary>
    /// <exception cref="SocketException">An address cannot be bound (in use, not local); the message names it.</exception>
    /// <exception cref="FormatException">A listener address is not <c>ADDR:PORT</c>.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Bind();
        foreach (var listener in _listeners)
        {
            _acceptLoops.Add(AcceptAsync(listener, tls: false));
        }

        foreach (var listener in _tlsListeners)
        {
            _acceptLoops.Add(AcceptAsync(listener, tls: true));
        }

        return Task.CompletedTask;
    }

    /// <summary>Binds every listener without accepting yet, unless already done: lets the program report an address it cannot listen on before the host starts.</summary>
    /// <exception cref="SocketException">An address cannot be bound (in use, not local); the message names it.</exception>
    /// <exception cref="FormatException">A listener address is not <c>ADDR:PORT</c>.</exception>
    /// <exception cref="InvalidOperationException">The TLS certificate or key cannot be read; the message names the file.</exception>
    public void Bind()
    {
        if (_listeners.Count > 0 || _tlsListeners.Count > 0)
        {
            return;
        }

        _certificate?.Load();
        try
        {
            foreach (var address in _options.EffectiveListeners)
            {
                _listeners.Add(Listen(address));
                _defaultAccounts[_listeners[^1]] = _options.DefaultAccountFor(address);
                HostLog.Listening(_logger, (IPEndPoint)_listeners[^1].LocalEndPoint!);
            }

            foreach (var address in _options.Tls.Listen)
            {
                _tlsListeners.Add(Listen(address));
                _defaultAccounts[_tlsListeners[^1]] = _options.DefaultAccountFor(address);
                HostLog.ListeningTls(_logger, (IPEndPoint)_tlsListeners[^1].LocalEndPoint!, _certificate!.Subject);
            }
        }
        catch
        {
            foreach (var listener in _listeners.Concat(_tlsListeners))
            {
                listener.Dispose();
            }

            _listeners.Clear();
            _tlsListeners.Clear();
            _defaultAccounts.Clear();
            throw;
        }
    }

    private static Socket Listen(string address)
    {
        var endPoint = ListenAddress.Parse(address);
        var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                listener.DualMode = true;
            }

            listener.Bind(endPoint);
            listener.Listen(Backlog);
            return listener;
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new SocketException(e.ErrorCode, $"cannot listen on {address}: {e.Message}");
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Stops accepting, lets each connection finish the request in hand, and aborts what is left when <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners.Concat(_tlsListeners))
        {
            listener.Dispose();
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        var sessions = _sessions.Values.ToArray();
        if (sessions.Length > 0)
        {
            HostLog.Draining(_logger, sessions.Length);
        }

        try
        {
            await Task.WhenAll(sessions).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(sessions).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(new CancellationToken(canceled: true)).ConfigureAwait(false);
        }

        _stopping.Dispose();
        _abort.Dispose();
    }
}
