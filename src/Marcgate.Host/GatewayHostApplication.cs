using System.Net.Sockets;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;
using Marcgate.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Marcgate.Host;

/// <summary>The <c>marcgate serve</c> process: configuration, logging, the SQLite catalog, the import pipeline and the gateway listeners.</summary>
public static class GatewayHostApplication
{
    /// <summary>The configuration key of the data directory.</summary>
    public const string DataKey = "Data";

    /// <summary>The prefix of environment variables read as configuration (<c>MARCGATE_Gateway__Port=5501</c>).</summary>
    public const string EnvironmentPrefix = "MARCGATE_";

    /// <summary>Runs the host until <paramref name="cancellationToken"/> fires or the process is told to stop; returns the exit code.</summary>
    /// <param name="overrides">Configuration from the command line, applied last (<c>Gateway:Port</c>, <c>Gateway:Listen:0</c>, <c>Data</c>).</param>
    /// <param name="output">Where "Listening on ADDR:PORT" is written once every listener is ready.</param>
    /// <param name="error">Where start-up problems and advice are written; log lines go to standard error too.</param>
    /// <param name="cancellationToken">Stops the host gracefully.</param>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        GlibcHeap.KeepFreedMemoryForReuse();
        var builder = CreateBuilder(overrides);
        var dataDirectory = Path.GetFullPath(builder.Configuration[DataKey] ?? "data");
        SqliteCatalogStore store;
        try
        {
            store = await SqliteCatalogStore.OpenAsync(dataDirectory, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogStoreException ex)
        {
            await error.WriteLineAsync($"marcgate serve: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (store.ConfigureAwait(false))
        {
            if ((await store.ListAccountsAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                await error.WriteLineAsync(NoAccountAdvice(dataDirectory)).ConfigureAwait(false);
            }

            var importOptions = builder.Configuration.GetSection("Import").Get<ImportOptions>() ?? new ImportOptions();
            builder.Services.AddSingleton<IGatewayImporter>(new GatewayImportService(store, MarcValidator.Instance, importOptions));
            builder.Services.AddGatewayHost(builder.Configuration);
            using var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or FormatException or ArgumentException or InvalidOperationException)
            {
                await error.WriteLineAsync($"marcgate serve: cannot start: {ex.Message}").ConfigureAwait(false);
                return 1;
            }

            foreach (var endPoint in host.Services.GetRequiredService<GatewayServer>().EndPoints)
            {
                await output.WriteLineAsync($"Listening on {endPoint}").ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    /// <summary>What to do when no account exists: no password is built in (issue 3, security).</summary>
    public static string NoAccountAdvice(string dataDirectory) =>
        $"""
        No account exists yet, so every export will be refused (code=logon-failed). Add a repository and an account:
          marcgate repositories add NETWORK --data {dataDirectory}
          marcgate accounts add --data {dataDirectory} --logon-id YOUR_LOGON_ID --repository NETWORK --password-stdin
        """;

    private static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Environment.CurrentDirectory });

        // Later sources win: the shipped defaults, the working directory's file, the environment, then the command line.
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides);

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        // Standard output carries only "Listening on …", which scripts wait for; every log line goes to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
