using System.Net.Sockets;
using System.Text.Json;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Marcgate.Host;

/// <summary>The <c>marcgate serve</c> process's host: configuration, logging, and the gateway listeners over the import pipeline.</summary>
/// <remarks>The program that starts the host chooses the store, the validator and the process tuning; this class only adapts the protocol to the catalog it is given.</remarks>
public static class GatewayHostApplication
{
    /// <summary>The configuration key of the data directory.</summary>
    public const string DataKey = "Data";

    /// <summary>The prefix of environment variables read as configuration (<c>MARCGATE_Gateway__Port=5501</c>).</summary>
    public const string EnvironmentPrefix = "MARCGATE_";

    /// <summary>The configuration section of the import pipeline's settings.</summary>
    public const string ImportSectionName = "Import";

    /// <summary>The configuration key naming the log format: <c>simple</c> (one line of text per entry, the default), <c>json</c> (one JSON object per line) or <c>systemd</c>.</summary>
    public const string LogFormatKey = "Logging:Console:FormatterName";

    /// <summary>The log formats <see cref="LogFormatKey"/> may name: Microsoft.Extensions.Logging's console formatters.</summary>
    public static IReadOnlyList<string> LogFormats { get; } = [ConsoleFormatterNames.Simple, ConsoleFormatterNames.Json, ConsoleFormatterNames.Systemd];

    /// <summary>The exit code when the host cannot start (bad configuration, an address it cannot listen on): the program's usage and configuration code.</summary>
    public const int CannotStart = 2;

    /// <summary>Runs the listeners over <paramref name="store"/> until <paramref name="cancellationToken"/> fires or the process is told to stop; returns the exit code.</summary>
    /// <param name="builder">The host builder from <see cref="CreateBuilder"/>, with its configuration.</param>
    /// <param name="store">The catalog the records go to; its owner disposes of it after the host stops.</param>
    /// <param name="validator">The validator the import profiles' levels run.</param>
    /// <param name="output">Where "Listening on ADDR:PORT" is written once every listener is ready.</param>
    /// <param name="error">Where start-up problems are written; log lines go to standard error too.</param>
    /// <param name="cancellationToken">Stops the host gracefully.</param>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, ICatalogStore store, IRecordValidator validator, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddGateway(builder, store, validator, null);
        using var host = builder.Build();
        return await RunHostAsync(host, output, error, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers the import pipeline over <paramref name="store"/> and the gateway listeners with a host that is still being built (a generic host or a web application).</summary>
    /// <param name="builder">The builder, configured by <see cref="Configure"/>.</param>
    /// <param name="store">The catalog the records go to; its owner disposes of it after the host stops.</param>
    /// <param name="validator">The validator the import profiles' levels run.</param>
    /// <param name="activity">Counts every import with its time, when given (the console's dashboard reads it).</param>
    public static void AddGateway(IHostApplicationBuilder builder, ICatalogStore store, IRecordValidator validator, ImportActivity? activity)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(validator);
        var importOptions = builder.Configuration.GetSection(ImportSectionName).Get<ImportOptions>() ?? new ImportOptions();
        IGatewayImporter importer = new GatewayImportService(store, validator, importOptions);
        builder.Services.AddSingleton(activity is null ? importer : new MeasuredGatewayImporter(importer, activity));
        builder.Services.AddGatewayHost(builder.Configuration);
    }

    /// <summary>Binds the gateway listeners, starts the host, writes "Listening on ADDR:PORT" (then <paramref name="readyLines"/>), and waits until it stops; returns the exit code.</summary>
    /// <param name="host">The built host, with <see cref="AddGateway"/>'s services.</param>
    /// <param name="output">Where the ready lines are written.</param>
    /// <param name="error">Where start-up problems are written.</param>
    /// <param name="readyLines">More lines for standard output once the host has started (the web console's addresses), or null.</param>
    /// <param name="cancellationToken">Stops the host gracefully.</param>
    public static async Task<int> RunHostAsync(IHost host, TextWriter output, TextWriter error, Func<IEnumerable<string>>? readyLines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            // Bound first, so that an address in use is this one line rather than the host's logged stack trace.
            host.Services.GetRequiredService<GatewayServer>().Bind();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or FormatException or ArgumentException or InvalidOperationException or IOException)
        {
            await error.WriteLineAsync($"marcgate serve: {(ex is SocketException ? ex.Message : "cannot start: " + ex.Message)}").ConfigureAwait(false);
            return CannotStart;
        }

        var server = host.Services.GetRequiredService<GatewayServer>();
        foreach (var endPoint in server.EndPoints)
        {
            await output.WriteLineAsync($"Listening on {endPoint}").ConfigureAwait(false);
        }

        foreach (var endPoint in server.TlsEndPoints)
        {
            await output.WriteLineAsync($"Listening on {endPoint} (TLS)").ConfigureAwait(false);
        }

        foreach (var line in readyLines?.Invoke() ?? [])
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>A host builder with the configuration (shipped defaults, the working directory's file, the environment, then <paramref name="overrides"/>) and logging to standard error in the format <see cref="LogFormatKey"/> names.</summary>
    /// <param name="overrides">Configuration from the command line, applied last (<c>Gateway:Port</c>, <c>Gateway:Listen:0</c>, <c>Data</c>, <see cref="LogFormatKey"/>).</param>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Environment.CurrentDirectory });
        Configure(builder, overrides);
        return builder;
    }

    /// <summary>Gives a host builder (a generic host or a web application) the configuration sources and logging of <see cref="CreateBuilder"/>, replacing its own.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="overrides">Configuration from the command line, applied last.</param>
    public static void Configure(IHostApplicationBuilder builder, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(overrides);

        // Later sources win: the shipped defaults, the working directory's file, the environment, then the command line.
        // A web application's builder brings sources of its own (ASPNETCORE_ variables): one set of sources for both hosts.
        var configuration = (IConfigurationBuilder)builder.Configuration;
        configuration.Sources.Clear();
        configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides);

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        var format = builder.Configuration[LogFormatKey];
        if (string.Equals(format, ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            // One object per line, for log shippers; the fields of an import's line are under "State" (docs/observability.md).
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else if (string.Equals(format, ConsoleFormatterNames.Systemd, StringComparison.OrdinalIgnoreCase))
        {
            // journald adds its own timestamps.
            builder.Logging.AddSystemdConsole();
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        // Standard output carries only the ready lines, which scripts wait for; every log line goes to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
    }
}
