using System.CommandLine;
using Marcgate.Cli.Bench;
using Marcgate.Host;

namespace Marcgate.Cli;

/// <summary><c>marcgate bench gateway</c>: a load generator for a running gateway host.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "The host's ADDR:PORT", DefaultValueFactory = _ => "127.0.0.1:5500" };
        var connections = new Option<int>("--connections") { Description = "Clients sending at once (each record on its own connection, like Connexion)", DefaultValueFactory = _ => 32 };
        var records = new Option<long>("--records") { Description = "Records to send in all", DefaultValueFactory = _ => 10_000 };
        var rate = new Option<double?>("--rate") { Description = "Offer records at this many per second instead of as fast as possible; latency counts from when each was due" };
        var logonId = new Option<string>("--logon-id") { Description = "Logon ID sent in the A field", DefaultValueFactory = _ => "BENCH" };
        var password = new Option<string>("--password") { Description = "Password sent in the P field (a bench account's, never a real one)", DefaultValueFactory = _ => "bench" };
        var firstNumber = new Option<long>("--first-oclc") { Description = "OCLC number of the first record; each record gets the next, so every one is new", DefaultValueFactory = _ => 70_000_000 };
        var idle = new Option<int?>("--idle") { Description = "Instead of sending, hold this many idle connections and report the host's memory" };
        var warmup = new Option<long>("--warmup") { Description = "Records sent first and not measured, so the figures are the host's steady state", DefaultValueFactory = _ => 2_000 };
        var hostPid = new Option<int?>("--host-pid") { Description = "Process ID of the host, to read its resident memory" };

        var gateway = new Command("gateway", "Send records to a gateway host and report records/s and reply latency.")
        {
            host, connections, records, rate, logonId, password, firstNumber, warmup, idle, hostPid,
        };
        gateway.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(connections) < 1 || parse.GetValue(records) < 1 || parse.GetValue(warmup) < 0)
            {
                await Console.Error.WriteLineAsync("marcgate bench gateway: --connections and --records must be at least 1, --warmup at least 0").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (!ListenAddress.TryParse(parse.GetValue(host)!, out var endPoint, out var problem))
            {
                await Console.Error.WriteLineAsync($"marcgate bench gateway: --host {problem}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var requests = new LoadRequests(parse.GetValue(logonId)!, parse.GetValue(password)!, parse.GetValue(firstNumber));
            var load = new GatewayLoad(endPoint, requests, Console.Out);
            return parse.GetValue(idle) is { } idleConnections
                ? await load.HoldIdleAsync(idleConnections, parse.GetValue(hostPid), cancellationToken).ConfigureAwait(false)
                : load.Run(parse.GetValue(connections), parse.GetValue(records), parse.GetValue(rate), parse.GetValue(warmup), cancellationToken);
        });
        return new Command("bench", "Load generators for Marcgate's services.") { gateway };
    }
}
