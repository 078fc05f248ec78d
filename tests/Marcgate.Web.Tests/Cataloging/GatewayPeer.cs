using System.Net;
using System.Net.Sockets;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Host;
using Marcgate.Storage.Sqlite;
using Marcgate.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Marcgate.Web.Tests.Cataloging;

/// <summary>
/// The host a cataloger exports to: the real gateway listener and import pipeline over a catalog of its own, behind a
/// loopback relay that counts the connections the exporter opens.
/// </summary>
public sealed class GatewayPeer : IAsyncDisposable
{
    public const string Repository = "NETWORK";
    public const string LogonId = "01CARLI_NETWORK";
    public const string Password = "network secret";

    private readonly string _directory;
    private readonly TcpListener _relay = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _relays = [];
    private Task? _accepting;
    private int _connections;

    private GatewayPeer(string directory, SqliteCatalogStore store, GatewayServer server)
    {
        _directory = directory;
        Store = store;
        Server = server;
    }

    public SqliteCatalogStore Store { get; }

    public GatewayServer Server { get; }

    /// <summary>The port the exporter is pointed at: the relay's.</summary>
    public int Port => ((IPEndPoint)_relay.LocalEndpoint).Port;

    /// <summary>How many connections the exporter has opened so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static async Task<GatewayPeer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("marcgate-peer-").FullName;
        var store = await SqliteCatalogStore.OpenAsync(directory);
        await store.AddRepositoryAsync(Repository, DateTimeOffset.UtcNow, default);
        await store.SaveAccountAsync(new Account(LogonId, Repository, ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
        var options = new GatewayHostOptions { Listen = ["127.0.0.1:0"], IdleTimeout = TimeSpan.FromSeconds(5), SettleTime = TimeSpan.FromMilliseconds(200) };
        var server = new GatewayServer(Options.Create(options), new GatewayImportService(store, MarcValidator.Instance), NullLogger<GatewayServer>.Instance);
        await server.StartAsync(CancellationToken.None);
        var peer = new GatewayPeer(directory, store, server);
        peer._relay.Start();
        peer._accepting = peer.AcceptAsync();
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _relay.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        Task[] relays;
        lock (_relays)
        {
            relays = [.. _relays];
        }

        await Task.WhenAll(relays);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(cancel.Token);
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _relay.AcceptTcpClientAsync(_stop.Token);
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
                await upstream.ConnectAsync(Server.EndPoints[0], _stop.Token);
                var down = client.GetStream();
                var up = upstream.GetStream();
                var toHost = CopyThenCloseAsync(down, upstream.Client);
                var toClient = CopyThenCloseAsync(up, client.Client);
                await Task.WhenAll(toHost, toClient);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
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
