using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Marcgate.Cli.Bench;

/// <summary>
/// A steady mixed load on a gateway host for a number of minutes, one record per connection as Connexion sends: new records,
/// exact resends, changed resends of stored OCLC numbers, broken records, and wrong passwords from other loopback addresses.
/// Each reply is checked against what its request is owed. Every minute it reads the host's memory, threads, descriptors and
/// catalog size, and prints that minute's latency and outcomes as a row of a Markdown table; at the end, the verdict.
/// </summary>
/// <remarks>
/// Open loop, like <see cref="GatewayLoad"/> with a rate: request <c>i</c> is due at <c>i / rate</c> and its latency counts
/// from then. Resends take a stored record out of a queue and put it back when the reply has come, so no two requests on one
/// OCLC number are in flight at once and each one's reply is certain.
/// </remarks>
internal sealed class SoakLoad(IPEndPoint host, SoakRecords records, SoakMix mix, IReadOnlyList<IPAddress> badLogonAddresses, TextWriter output)
{
    private readonly ConcurrentQueue<(long Oclc, int Revision)> _stored = new();
    private readonly Lock _gate = new();
    private SoakTally _current = new();

    public int Run(double minutes, TimeSpan samplePeriod, double rate, int connections, long firstOclc, int? hostPid, string? catalogFile, double maxRssSlope, int maxDescriptorSpread, CancellationToken cancellationToken)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{minutes} minutes, offered {rate:0} requests/s over {connections} connections; mix {string.Join(", ", mix.Shares.Select(s => $"{SoakMix.NameOf(s.Key)} {s.Value}"))};"));
        output.WriteLine($"bad logons from {(badLogonAddresses.Count == 0 ? "no address" : string.Join(", ", badLogonAddresses))}. Latency: every request but bad logons, from when it was due.");
        output.WriteLine();
        output.WriteLine("| min | replies | " + string.Join(" | ", SoakTally.Outcomes) + " | unexpected | p50 ms | p99 ms | max ms | RSS MB | anon MB | threads | fds | catalog MB |");
        output.WriteLine("|---:|---:|" + string.Concat(SoakTally.Outcomes.Select(_ => "---:|")) + "---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row(0, null, HostSample.Read(hostPid, catalogFile));

        var end = TimeSpan.FromMinutes(minutes);
        var samples = (int)Math.Ceiling(end / samplePeriod);
        var clock = Stopwatch.StartNew();
        var next = -1L;
        var clients = Enumerable.Range(0, connections).Select(_ => new Thread(() =>
        {
            var buffer = new byte[4096];
            for (var index = Interlocked.Increment(ref next); !cancellationToken.IsCancellationRequested; index = Interlocked.Increment(ref next))
            {
                var due = TimeSpan.FromSeconds(index / rate);
                if (due >= end)
                {
                    break;
                }

                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep((int)Math.Ceiling(wait.TotalMilliseconds));
                }

                Send(index, firstOclc + index, buffer, clock, due);
            }
        })
        { IsBackground = true }).ToArray();
        foreach (var client in clients)
        {
            client.Start();
        }

        var rows = new List<(double, SoakTally, HostSample)>();
        for (var sample = 1; sample <= samples && !cancellationToken.IsCancellationRequested; sample++)
        {
            if (sample < samples)
            {
                var wait = samplePeriod * sample - clock.Elapsed;
                cancellationToken.WaitHandle.WaitOne(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            }
            else
            {
                // The last period ends when the last reply is in.
                foreach (var client in clients)
                {
                    client.Join();
                }
            }

            SoakTally done;
            lock (_gate)
            {
                (done, _current) = (_current, new SoakTally());
            }

            var host = HostSample.Read(hostPid, catalogFile);
            var at = clock.Elapsed.TotalMinutes;
            rows.Add((at, done, host));
            Row(at, done, host);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Summarise(rows, clock.Elapsed);
        var verdict = SoakVerdict.Judge(rows, maxRssSlope, maxDescriptorSpread);
        output.WriteLine();
        foreach (var line in verdict.Describe())
        {
            output.WriteLine(line);
        }

        return verdict.Passed ? ExitCodes.Ok : ExitCodes.RecordErrors;
    }

    private void Send(long index, long fresh, byte[] buffer, Stopwatch clock, TimeSpan due)
    {
        var kind = mix.KindOf(index);
        (long Oclc, int Revision) known = default;
        if (kind is SoakKind.Unchanged or SoakKind.Overlay && !_stored.TryDequeue(out known))
        {
            // Nothing stored yet to send again (the first requests of the run): a new record instead.
            kind = SoakKind.New;
        }

        if (kind == SoakKind.BadLogon && badLogonAddresses.Count == 0)
        {
            kind = SoakKind.New;
        }

        var (request, from, sent) = kind switch
        {
            SoakKind.New => (records.Record(fresh, 0), null, (fresh, 0)),
            SoakKind.Unchanged => (records.Record(known.Oclc, known.Revision), null, known),
            SoakKind.Overlay => (records.Record(known.Oclc, known.Revision + 1), null, (known.Oclc, known.Revision + 1)),
            SoakKind.BadRecord => (records.BrokenRecord(fresh), null, (fresh, 0)),
            _ => (records.BadLogon(fresh), badLogonAddresses[(int)(index % badLogonAddresses.Count)], (fresh, 0)),
        };
        var reply = GatewayLoad.Exchange(host, from, request, buffer);
        var latency = (clock.Elapsed - due).TotalMilliseconds;
        bool expected;
        lock (_gate)
        {
            expected = _current.Add(kind, reply, latency);
        }

        // A record whose reply was not the one owed is in a state this run cannot be sure of: it is not sent again.
        if (expected && kind is SoakKind.New or SoakKind.Unchanged or SoakKind.Overlay)
        {
            _stored.Enqueue(sent);
        }
    }

    private void Row(double minute, SoakTally? tally, HostSample host)
    {
        var stats = tally is null ? null : new LatencyStats(tally.Latencies);
        var counts = SoakTally.Outcomes.Select(o => tally is null ? "" : tally.Count(o).ToString(CultureInfo.InvariantCulture));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {minute:0.##} | {tally?.Replies} | {string.Join(" | ", counts)} | {tally?.UnexpectedCount} | {Ms(stats, 50)} | {Ms(stats, 99)} | {Ms(stats, 100)} | {host.RssMegabytes:0.0} | {host.AnonymousMegabytes:0.0} | {host.Threads} | {host.Descriptors} | {host.CatalogMegabytes:0.0} |"));
    }

    private static string Ms(LatencyStats? stats, double percentile) =>
        stats is null || stats.Count == 0 ? "" : stats.Percentile(percentile).ToString("0.0", CultureInfo.InvariantCulture);

    private void Summarise(List<(double Minute, SoakTally Tally, HostSample Host)> rows, TimeSpan elapsed)
    {
        var total = new SoakTally();
        foreach (var (_, tally, _) in rows)
        {
            total.AddCounts(tally);
        }

        var all = new LatencyStats([.. rows.SelectMany(r => r.Tally.Latencies)]);
        output.WriteLine();
        var outcomes = string.Join(", ", SoakTally.Outcomes.Select(o => $"{total.Count(o)} {o}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total.Replies} replies in {elapsed.TotalSeconds:0} s ({total.Replies / elapsed.TotalSeconds:0.0}/s): {outcomes}, {total.UnexpectedCount} unexpected."));
        output.WriteLine("Latency over the run: " + all.Describe() + ".");
        foreach (var (what, n) in total.Unexpected.OrderByDescending(u => u.Value).Take(20))
        {
            output.WriteLine($"  unexpected: {n} x {what}");
        }
    }
}
