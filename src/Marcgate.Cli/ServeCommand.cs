using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text;
using Marcgate.Catalog.Storage;
using Marcgate.Host;
using Marcgate.Validation;
using Marcgate.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Marcgate.Cli;

/// <summary><c>marcgate serve</c>: the gateway host that Connexion, Record Manager and <c>marcgate export</c> send records to.</summary>
/// <remarks>Where the server is composed: the catalog store (<see cref="CatalogStoreSelection"/>), the MARC 21 validator and the process tuning.</remarks>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data directory holding marcgate.db (default ./data)" };
        var port = new Option<int?>("--port") { Description = "Port of the default listener on every IPv4 address (default 5500)" };
        var listen = new Option<string[]>("--listen") { Description = "Listen on ADDR:PORT instead (repeatable, e.g. --listen 0.0.0.0:5500 --listen [::]:5500)", AllowMultipleArgumentsPerToken = false };
        var logFormat = new Option<string?>("--log-format")
        {
            Description = "Log lines on standard error as simple text (the default), json (one object per line) or systemd; the setting Logging:Console:FormatterName",
        };
        logFormat.AcceptOnlyFromAmong([.. GatewayHostApplication.LogFormats]);
        var webListen = new Option<string[]>("--web-listen") { Description = "Serve the web console on ADDR:PORT instead of 127.0.0.1:8080 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var noWeb = new Option<bool>("--no-web") { Description = "Serve no web console (also Web:Enabled=false)" };
        var store = CatalogStoreSelection.CreateOption();
        var command = new Command("serve", """
            Receive OCLC Gateway Export requests and import their records. Configuration: appsettings.json beside the
            program or in the working directory, then MARCGATE_ environment variables (MARCGATE_Gateway__IdleTimeout=00:00:30),
            then these options. Prints "Listening on ADDR:PORT" when ready, then "Web console on http://ADDR:PORT" for the
            console's staff pages (sign in with a user of 'marcgate users add'); logs go to standard error.
            The catalog is SQLite under --data unless --store or Storage:ConnectionString names a PostgreSQL database.
            """)
        {
            data, port, listen, webListen, noWeb, store, logFormat,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(data) is { } dataDirectory)
            {
                overrides[GatewayHostApplication.DataKey] = dataDirectory;
            }

            if (parse.GetValue(port) is { } portNumber)
            {
                overrides[$"{GatewayHostOptions.SectionName}:{nameof(GatewayHostOptions.Port)}"] = portNumber.ToString(CultureInfo.InvariantCulture);
            }

            var addresses = parse.GetValue(listen) ?? [];
            for (var i = 0; i < addresses.Length; i++)
            {
                overrides[$"{GatewayHostOptions.SectionName}:{nameof(GatewayHostOptions.Listen)}:{i}"] = addresses[i];
            }

            if (parse.GetValue(logFormat) is { } format)
            {
                overrides[GatewayHostApplication.LogFormatKey] = format;
            }

            var webAddresses = parse.GetValue(webListen) ?? [];
            for (var i = 0; i < webAddresses.Length; i++)
            {
                overrides[$"{WebConsoleOptions.SectionName}:{nameof(WebConsoleOptions.Listen)}:{i}"] = webAddresses[i];
            }

            if (parse.GetValue(noWeb))
            {
                overrides[$"{WebConsoleOptions.SectionName}:{nameof(WebConsoleOptions.Enabled)}"] = "false";
            }

            return await RunAsync(overrides, parse.GetValue(store), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, string? storeOption, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        GlibcHeap.KeepFreedMemoryForReuse();
        HostApplicationBuilder builder;
        try
        {
            builder = GatewayHostApplication.CreateBuilder(overrides);
        }
        catch (InvalidDataException ex)
        {
            await error.WriteLineAsync($"marcgate serve: {ServeConfiguration.DescribeLoadFailure(ex)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"marcgate serve: cannot read the configuration: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // Checked before the data directory is touched: a mistyped setting never leaves a half-started host behind.
        var problems = ServeConfiguration.Problems(builder.Configuration);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"marcgate serve: {problem}").ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        CatalogStoreSelection selection;
        try
        {
            var configuredData = builder.Configuration[GatewayHostApplication.DataKey];
            selection = CatalogStoreSelection.Resolve(storeOption, builder.Configuration, configuredData ?? "data", configuredData is not null);
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync($"marcgate serve: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        ICatalogStore store;
        try
        {
            store = await selection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogStoreException ex)
        {
            await error.WriteLineAsync($"marcgate serve: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (store.ConfigureAwait(false))
        {
            if ((await store.ListAccountsAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                await WriteAdviceAsync(error, builder.Configuration, NoAccountAdvice(selection.CommandLineHint)).ConfigureAwait(false);
            }

            var web = WebConsole.ReadOptions(builder.Configuration);
            if (web.Enabled && (await store.ListStaffUsersAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                await WriteAdviceAsync(error, builder.Configuration, NoStaffUserAdvice(selection.CommandLineHint)).ConfigureAwait(false);
            }

            return web.Enabled
                ? await ServeWeb.RunAsync(overrides, web, store, selection.CommandLineHint, output, error, cancellationToken).ConfigureAwait(false)
                : await GatewayHostApplication.RunAsync(builder, store, MarcValidator.Instance, output, error, cancellationToken).ConfigureAwait(false);
        }
    }

    // Advice goes where the log lines go, in their format: with JSON logs, standard error holds nothing but JSON objects.
    private static async Task WriteAdviceAsync(TextWriter error, IConfiguration configuration, string advice)
    {
        if (!string.Equals(configuration[GatewayHostApplication.LogFormatKey], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync(advice).ConfigureAwait(false);
            return;
        }

        var line = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(line))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteNumber("EventId", 0);
            json.WriteString("LogLevel", "Warning");
            json.WriteString("Category", "Marcgate.Cli.Serve");
            json.WriteString("Message", advice.TrimEnd());
            json.WriteEndObject();
        }

        await error.WriteLineAsync(Encoding.UTF8.GetString(line.WrittenSpan)).ConfigureAwait(false);
    }

    private static string NoStaffUserAdvice(string storeHint) =>
        $"""
        No web console user exists yet. Add the first admin:
          marcgate users add NAME --role admin {storeHint}
        """;

    // No password is built in: until an administrator adds an account, every logon fails.
    private static string NoAccountAdvice(string storeHint) =>
        $"""
        No account exists yet, so every export will be refused (code=logon-failed). Add a repository and an account:
          marcgate repositories add NETWORK {storeHint}
          marcgate accounts add {storeHint} --logon-id YOUR_LOGON_ID --repository NETWORK --password-stdin
        """;
}
