using System.Net;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marcgate.Web.Tests;

/// <summary>The console as <c>marcgate serve</c> composes it, on Kestrel at a free loopback port, over a fresh SQLite catalog.</summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    public const string AdminName = "ada";
    public const string CatalogerName = "carl";
    public const string Password = "correct horse";

    private readonly string _directory;
    private readonly bool _ownsDirectory;

    private ConsoleServer(string directory, bool ownsDirectory, ICatalogStore store, WebApplication app, ImportActivity activity)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        Store = store;
        App = app;
        Activity = activity;
    }

    public ICatalogStore Store { get; }

    public WebApplication App { get; }

    public ImportActivity Activity { get; }

    public FixedListeners Listeners { get; } = new();

    /// <summary>The SQLite data directory, which another node may open too.</summary>
    public string Directory => _directory;

    public Uri Address => new((App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) + "/");

    /// <summary>Starts a console; with <paramref name="withUsers"/>, over a catalog with an admin and a cataloger.</summary>
    /// <param name="withUsers">Whether to add an admin and a cataloger.</param>
    /// <param name="configure">Changes to the console's options.</param>
    /// <param name="sharedDirectory">Another node's data directory to serve too, instead of a fresh one.</param>
    public static async Task<ConsoleServer> StartAsync(bool withUsers = true, Action<WebConsoleOptions>? configure = null, string? sharedDirectory = null)
    {
        var directory = sharedDirectory ?? System.IO.Directory.CreateTempSubdirectory("marcgate-web-").FullName;
        var store = await SqliteCatalogStore.OpenAsync(directory);
        if (withUsers && sharedDirectory is null)
        {
            var staff = new StaffAdministration(store, LocalActor.Current);
            Assert.True((await staff.AddAsync(AdminName, StaffRole.Admin, Password, default)).Succeeded);
            Assert.True((await staff.AddAsync(CatalogerName, StaffRole.Cataloger, Password, default)).Succeeded);
        }

        var options = new WebConsoleOptions();
        configure?.Invoke(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var activity = new ImportActivity();
        builder.Services.AddWebConsole(options, new WebConsoleContext(store, $"--data {directory}") { Activity = activity });
        var app = builder.Build();
        var server = new ConsoleServer(directory, sharedDirectory is null, store, app, activity);
        app.MapWebConsole(server.Listeners);
        await app.StartAsync();
        return server;
    }

    /// <summary>A client with its own cookies that follows no redirects.</summary>
    public ConsoleClient Client() => new(Address);

    /// <summary>A client signed in as <paramref name="name"/>.</summary>
    public async Task<ConsoleClient> SignedInAsync(string name)
    {
        var client = Client();
        var response = await client.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Store.DisposeAsync();
        if (_ownsDirectory)
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
    }
}
