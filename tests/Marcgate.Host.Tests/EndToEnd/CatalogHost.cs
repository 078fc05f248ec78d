using System.Net;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;
using Marcgate.Validation;
using Microsoft.Extensions.Options;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>The host with the real import pipeline over SQLite in a temporary data directory, on 127.0.0.1 port 0.</summary>
internal sealed class CatalogHost : IAsyncDisposable
{
    public const string Repository = "NETWORK";
    public const string LogonId = "01CARLI_NETWORK";
    public const string Password = "correct horse";

    private static readonly Lazy<PasswordHash> s_hash = new(() => PasswordHasher.Hash(Password));

    private CatalogHost(string directory, SqliteCatalogStore store, GatewayServer server, ListLogger log)
    {
        Directory = directory;
        Store = store;
        Server = server;
        Log = log;
    }

    public string Directory { get; }

    public SqliteCatalogStore Store { get; }

    public GatewayServer Server { get; }

    public ListLogger Log { get; }

    public IPEndPoint EndPoint => Server.EndPoints[0];

    public static async Task<CatalogHost> StartAsync(
        ImportOptions? importOptions = null, ImportProfile? profile = null, string repository = Repository, Action<GatewayHostOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "marcgate-host-" + Guid.NewGuid().ToString("N"));
        var store = await SqliteCatalogStore.OpenAsync(directory);
        await SeedAsync(store, profile, repository);
        var options = new GatewayHostOptions { Listen = ["127.0.0.1:0"], IdleTimeout = TimeSpan.FromSeconds(5), SettleTime = TimeSpan.FromMilliseconds(200) };
        configure?.Invoke(options);
        var log = new ListLogger();
        var server = new GatewayServer(Options.Create(options), new GatewayImportService(store, MarcValidator.Instance, importOptions), log);
        await server.StartAsync(CancellationToken.None);
        return new CatalogHost(directory, store, server, log);
    }

    /// <summary>Adds the repository and its account to a store.</summary>
    public static async Task SeedAsync(ICatalogStore store, ImportProfile? profile = null, string repository = Repository)
    {
        await store.AddRepositoryAsync(repository, DateTimeOffset.UtcNow, default);
        if (profile is not null)
        {
            await store.SaveProfileAsync(profile, default);
        }

        await store.SaveAccountAsync(new Account(LogonId, repository, profile?.Name ?? ImportOptions.DefaultProfileName, s_hash.Value), default);
    }

    public static byte[] Logon(string password = Password) =>
        Records.Concat(Records.Ascii("A" + (char)(0x40 + LogonId.Length) + LogonId + "P" + (char)(0x40 + password.Length) + password));

    public async Task<Reply> SendAsync(byte[] record, string password = Password, IPAddress? from = null)
    {
        await using var client = await GatewayTestClient.ConnectAsync(EndPoint, from);
        await client.SendAsync(Records.Concat(Logon(password), record, [0]));
        return Reply.Parse(await client.ReadReplyAsync());
    }

    public async ValueTask DisposeAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(cancel.Token);
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
