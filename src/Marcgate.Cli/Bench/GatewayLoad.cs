using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Marcgate.Cli.Bench;

/// <summary>Sends records to a gateway host as Connexion does (one record per connection, gateway §6 "Individual"), and measures.</summary>
internal sealed class GatewayLoad(IPEndPoint host, LoadRequests requests, TextWriter output)
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(100);
    private readonly ConcurrentDictionary<string, int> _outcomes = new();

    /// <summary>
    /// Closed loop: <paramref name="connections"/> clients each send one record per connection until <paramref name="records"/> are sent.
    /// <paramref name="warmup"/> records go first, as fast as the host takes them, and are not measured: the figures are the host's
    /// sustained rate, after its start-up compilation and caches have settled.
    /// </summary>
    public async Task<int> RunAsync(int connections, long records, double? ratePerSecond, long warmup, CancellationToken cancellationToken)
    {
        if (warmup > 0)
        {
            var warm = await SendAsync(connections, 0, warmup, null, cancellationToken).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmup} records, {warmup / warm.Elapsed.TotalSeconds:0} records/s, not counted"));
        }

        _outcomes.Clear();
        var run = await SendAsync(connections, warmup, records, ratePerSecond, cancellationToken).ConfigureAwait(false);
        var stats = new LatencyStats(run.Latencies);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{records} records, {connections} connections{(ratePerSecond is { } r ? $", offered {r:0} records/s" : "")}: {run.Elapsed.TotalSeconds:0.00} s, {records / run.Elapsed.TotalSeconds:0} records/s"));
        output.WriteLine("latency: " + stats.Describe());
        foreach (var (outcome, count) in _outcomes.OrderByDescending(o => o.Value))
        {
            output.WriteLine($"  {count,8}  {outcome}");
        }

        return _outcomes.Keys.All(k => k.StartsWith("status=ok", StringComparison.Ordinal)) ? 0 : 3;
    }

    // Sends requests first .. first + count - 1 over the clients; each request's latency in milliseconds.
    private async Task<(TimeSpan Elapsed, double[] Latencies)> SendAsync(int connections, long first, long count, double? ratePerSecond, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            for (var index = Interlocked.Increment(ref next); index < count; index = Interlocked.Increment(ref next))
            {
                // Open loop at a fixed rate: latency counts from when the request was due, so a slow host cannot hide its queue.
                var due = ratePerSecond is { } rate ? TimeSpan.FromSeconds(index / rate) : clock.Elapsed;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }

                var status = await SendOneAsync(requests.Build(first + index), cancellationToken).ConfigureAwait(false);
                latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                _outcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        clock.Stop();
        return (clock.Elapsed, [.. latencies]);
    }

    /// <summary>Opens <paramref name="connections"/> connections that send nothing, reports the host's memory, then closes them.</summary>
    public async Task<int> HoldIdleAsync(int connections, int? hostPid, CancellationToken cancellationToken)
    {
        var before = hostPid is { } pid ? ResidentMegabytes(pid) : null;
        var sockets = new List<Socket>(connections);
        try
        {
            for (var i = 0; i < connections; i++)
            {
                var socket = new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(host, cancellationToken).ConfigureAwait(false);
                sockets.Add(socket);
            }

            // Let the host accept and park every connection before measuring.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            var after = hostPid is { } p ? ResidentMegabytes(p) : null;

            // A connection the host answered (busy, timeout) or closed is readable: it is not held.
            var held = sockets.Count(s => !s.Poll(0, SelectMode.SelectRead));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{held} of {sockets.Count} idle connections held open by the host; host RSS {Describe(before)} before, {Describe(after)} with them open"));
            return held == connections ? 0 : 3;
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private async Task<string> SendOneAsync(byte[] request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_replyTimeout);
        try
        {
            using var socket = new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(host, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(request, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var reply = new List<byte>(256);
            var buffer = new byte[512];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    return "closed without a reply";
                }

                var nul = Array.IndexOf(buffer, (byte)0, 0, received);
                reply.AddRange(buffer.AsSpan(0, nul < 0 ? received : nul));
                if (nul >= 0)
                {
                    return StatusTokens(Encoding.ASCII.GetString([.. reply]));
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return "failed: " + ex.Message;
        }
    }

    // The status and the code or action: enough to count outcomes without counting every record ID.
    private static string StatusTokens(string reply)
    {
        var lines = reply.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var tokens = lines.Length == 0 ? [] : lines[^1].Split(' ');
        return string.Join(' ', tokens.Where(t => t.StartsWith("status=", StringComparison.Ordinal) || t.StartsWith("code=", StringComparison.Ordinal) || t.StartsWith("action=", StringComparison.Ordinal)));
    }

    private static double? ResidentMegabytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Describe(double? megabytes) =>
        megabytes is { } mb ? string.Create(CultureInfo.InvariantCulture, $"{mb:0.0} MB") : "unknown";
}
