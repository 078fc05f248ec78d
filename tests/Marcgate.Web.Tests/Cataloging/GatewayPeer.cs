using System.Net;
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
    private readonly RecordingRelay _relay;

    private GatewayPeer(string directory, SqliteCatalogStore store, GatewayServer server)
    {
        _directory = directory;
        Store = store;
        Server = server;
        _relay = RecordingRelay.Start(server.EndPoints[0]);
    }

    public SqliteCatalogStore Store { get; }

    public GatewayServer Server { get; }

    /// <summary>The port the exporter is pointed at: the relay's.</summary>
    public int Port => _relay.Port;

    /// <summary>How many connections the exporter has opened so far.</summary>
    public int Connections => _relay.Connections;

    public static async Task<GatewayPeer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("marcgate-peer-").FullName;
        var store = await SqliteCatalogStore.OpenAsync(directory);
        await store.AddRepositoryAsync(Repository, DateTimeOffset.UtcNow, default);
        await store.SaveAccountAsync(new Account(LogonId, Repository, ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
        var options = new GatewayHostOptions { Listen = ["127.0.0.1:0"], IdleTimeout = TimeSpan.FromSeconds(5), SettleTime = TimeSpan.FromMilliseconds(200) };
        var server = new GatewayServer(Options.Create(options), new GatewayImportService(store, MarcValidator.Instance), NullLogger<GatewayServer>.Instance);
        await server.StartAsync(CancellationToken.None);
        return new GatewayPeer(directory, store, server);
    }

    public async ValueTask DisposeAsync()
    {
        await _relay.DisposeAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(cancel.Token);
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
