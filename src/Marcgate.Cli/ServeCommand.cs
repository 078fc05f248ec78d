using System.CommandLine;
using System.Globalization;
using Marcgate.Host;

namespace Marcgate.Cli;

/// <summary><c>marcgate serve</c>: the gateway host that Connexion, Record Manager and <c>marcgate export</c> send records to.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data directory holding marcgate.db (default ./data)" };
        var port = new Option<int?>("--port") { Description = "Port of the default listener on every IPv4 address (default 5500)" };
        var listen = new Option<string[]>("--listen") { Description = "Listen on ADDR:PORT instead (repeatable, e.g. --listen 0.0.0.0:5500 --listen [::]:5500)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("serve", """
            Receive OCLC Gateway Export requests and import their records. Configuration: appsettings.json beside the
            program or in the working directory, then MARCGATE_ environment variables (MARCGATE_Gateway__IdleTimeout=00:00:30),
            then these options. Prints "Listening on ADDR:PORT" when ready; logs go to standard error.
            Exit codes: 0 stopped cleanly, 1 cannot listen or bad configuration, 2 the data directory cannot be opened.
            """)
        {
            data, port, listen,
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

            return await GatewayHostApplication.RunAsync(overrides, Console.Out, Console.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
