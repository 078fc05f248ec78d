using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Marcgate.Cli.Bench;
using Marcgate.Host;

namespace Marcgate.Cli;

/// <summary><c>marcgate bench gateway</c> and <c>marcgate bench soak</c>: load generators for a running gateway host.</summary>
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
        return new Command("bench", "Load generators for Marcgate's services.") { gateway, Soak() };
    }

    private static Command Soak()
    {
        var host = new Option<string>("--host") { Description = "The host's ADDR:PORT", DefaultValueFactory = _ => "127.0.0.1:5500" };
        var logonId = new Option<string>("--logon-id") { Description = "Logon ID of the good requests, sent in the A field", DefaultValueFactory = _ => "BENCH" };
        var passwordOption = new Option<string>("--password") { Description = "Its password, sent in the P field (a bench account's, never a real one)", DefaultValueFactory = _ => "bench" };
        var hostPid = new Option<int?>("--host-pid") { Description = "Process ID of the host, to read its memory, threads and descriptors each minute" };
        var minutes = new Option<double>("--minutes") { Description = "How long to send, in minutes (fractions too)", Required = true };
        var sampleSeconds = new Option<double>("--sample-seconds") { Description = "Seconds between samples, each a row of the table (at least 4 samples in the run: memory is judged over the second half)", DefaultValueFactory = _ => 60 };
        var rate = new Option<double>("--rate") { Description = "Requests offered per second, steadily; latency counts from when each was due", DefaultValueFactory = _ => 300 };
        var connections = new Option<int>("--connections") { Description = "Clients sending at once (each request on its own connection, like Connexion)", DefaultValueFactory = _ => 16 };
        var mix = new Option<string>("--mix") { Description = "Shares of each kind of request: new, unchanged (an exact resend), overlay (a changed resend), bad-record, bad-logon", DefaultValueFactory = _ => SoakMix.Default };
        var firstNumber = new Option<long>("--first-oclc") { Description = "OCLC number of request 0; new records take the request's number from there", DefaultValueFactory = _ => 50_000_000 };
        var badLogonId = new Option<string>("--bad-logon-id") { Description = "Logon ID the bad logons send with a wrong password (not --logon-id: the lockout would engage for it)", DefaultValueFactory = _ => "INTRUDER" };
        var badAddresses = new Option<int>("--bad-logon-addresses") { Description = "Loopback addresses the bad logons come from, 127.0.0.2 on (the good traffic comes from 127.0.0.1)", DefaultValueFactory = _ => 3 };
        var catalog = new Option<string?>("--catalog-file") { Description = "The host's SQLite catalog file (DIR/marcgate.db), to report its size with its WAL" };
        var maxRssSlope = new Option<double>("--max-rss-slope") { Description = "Verdict: the most the host's RSS may grow over the second half, in MB per minute", DefaultValueFactory = _ => 1.0 };
        var maxDescriptors = new Option<int?>("--max-descriptor-spread") { Description = "Verdict: the most the host's open descriptors may vary between minutes (default: --connections plus 8: one in flight per client, and a few the host is still closing after its reply)" };

        var soak = new Command("soak", "Send a steady mix of requests to a gateway host for minutes; report each minute's latency, outcomes and the host's memory, threads and descriptors, and judge them.")
        {
            host, minutes, sampleSeconds, rate, connections, mix, logonId, passwordOption, badLogonId, badAddresses, firstNumber, hostPid, catalog, maxRssSlope, maxDescriptors,
        };
        soak.SetAction(async (parse, cancellationToken) =>
        {
            var period = parse.GetValue(sampleSeconds);
            if (!(period >= 1) || !(parse.GetValue(minutes) * 60 / period >= 4) || parse.GetValue(minutes) > 7 * 24 * 60
                || parse.GetValue(connections) is < 1 or > 1000 || !(parse.GetValue(rate) > 0) || parse.GetValue(badAddresses) is < 0 or > 250)
            {
                await Console.Error.WriteLineAsync("marcgate bench soak: --sample-seconds must be at least 1 and --minutes long enough for 4 samples (at most a week), --connections from 1 to 1000, --rate above 0, --bad-logon-addresses from 0 to 250").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (SoakMix.TryParse(parse.GetValue(mix)!, out var mixProblem) is not { } shares)
            {
                await Console.Error.WriteLineAsync($"marcgate bench soak: --mix: {mixProblem}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (!ListenAddress.TryParse(parse.GetValue(host)!, out var endPoint, out var problem))
            {
                await Console.Error.WriteLineAsync($"marcgate bench soak: --host {problem}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // Other loopback addresses reach a loopback host only over IPv4 (127.0.0.0/8); IPv6 has one loopback address.
            var badLogons = shares.Shares.ContainsKey(SoakKind.BadLogon) ? parse.GetValue(badAddresses) : 0;
            if (badLogons > 0 && !(endPoint.AddressFamily == AddressFamily.InterNetwork && IPAddress.IsLoopback(endPoint.Address)))
            {
                await Console.Error.WriteLineAsync("marcgate bench soak: bad logons come from other loopback addresses, so --host must be an IPv4 loopback address (or give bad-logon no share)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (string.Equals(parse.GetValue(badLogonId), parse.GetValue(logonId), StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync("marcgate bench soak: --bad-logon-id must differ from --logon-id").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var addresses = Enumerable.Range(2, badLogons).Select(i => new IPAddress([127, 0, 0, (byte)i])).ToList();
            var password = parse.GetValue(passwordOption)!;
            var requests = new SoakRecords(parse.GetValue(logonId)!, password, parse.GetValue(badLogonId)!, "not-" + password);
            var load = new SoakLoad(endPoint, requests, shares, addresses, Console.Out);
            return await Task.Run(() => load.Run(
                parse.GetValue(minutes), TimeSpan.FromSeconds(period), parse.GetValue(rate), parse.GetValue(connections), parse.GetValue(firstNumber), parse.GetValue(hostPid),
                parse.GetValue(catalog), parse.GetValue(maxRssSlope), parse.GetValue(maxDescriptors) ?? parse.GetValue(connections) + 8, cancellationToken), cancellationToken).ConfigureAwait(false);
        });
        return soak;
    }
}
