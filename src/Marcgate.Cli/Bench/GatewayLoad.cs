using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Marcgate.Gateway;

namespace Marcgate.Cli.Bench;

/// <summary>Sends records to a gateway host as Connexion does (one record per connection, gateway §6 "Individual"), and measures.</summary>
internal sealed class GatewayLoad(IPEndPoint host, LoadRequests requests, TextWriter output)
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Closed loop: <paramref name="connections"/> clients each send one record per connection until <paramref name="records"/> are sent.
    /// <paramref name="warmup"/> records go first, as fast as the host takes them, and are not measured: the figures are the host's
    /// sustained rate, after its start-up compilation and caches have settled.
    /// </summary>
    /// <remarks>
    /// Each client is a thread with blocking sockets: on a machine the host shares, the generator should take as little of
    /// the CPU as it can, and blocking calls cost fewer system calls and thread hand-offs than asynchronous ones.
    /// </remarks>
    public int Run(int connections, long records, double? ratePerSecond, long warmup, CancellationToken cancellationToken)
    {
        if (warmup > 0)
        {
            var warm = Send(connections, 0, warmup, null, cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmup} records, {warmup / warm.Elapsed.TotalSeconds:0} records/s, not counted"));
        }

        var run = Send(connections, warmup, records, ratePerSecond, cancellationToken);
        var stats = new LatencyStats(run.Latencies);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{records} records, {connections} connections{(ratePerSecond is { } r ? $", offered {r:0} records/s" : "")}: {run.Elapsed.TotalSeconds:0.00} s, {records / run.Elapsed.TotalSeconds:0} records/s"));
        output.WriteLine("latency: " + stats.Describe());
        foreach (var (outcome, count) in run.Outcomes.OrderByDescending(o => o.Value))
        {
            output.WriteLine($"  {count,8}  {outcome}");
        }

        return run.Outcomes.Keys.All(k => k.StartsWith("status=" + GatewayReplyCodes.Ok, StringComparison.Ordinal)) ? ExitCodes.Ok : ExitCodes.RecordErrors;
    }

    // Sends requests first .. first + count - 1 over the clients: each request's latency in milliseconds, and how many got each outcome.
    private LoadRun Send(int connections, long first, long count, double? ratePerSecond, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = -1L;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, connections).Select(_ => new Thread(() =>
        {
            var buffer = new byte[4096];
            var mine = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var index = Interlocked.Increment(ref next); index < count && !cancellationToken.IsCancellationRequested; index = Interlocked.Increment(ref next))
            {
                // Open loop at a fixed rate: latency counts from when the request was due, so a slow host cannot hide its queue.
                var due = ratePerSecond is { } rate ? TimeSpan.FromSeconds(index / rate) : clock.Elapsed;
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    // Whole milliseconds, rounded up: a request never goes before it is due, so waiting can only add to its latency.
                    Thread.Sleep((int)Math.Ceiling(wait.TotalMilliseconds));
                }

                var status = SendOne(requests.Build(first + index), buffer);
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                mine[status] = mine.GetValueOrDefault(status) + 1;
            }

            lock (outcomes)
            {
                foreach (var (status, n) in mine)
                {
                    outcomes[status] = outcomes.GetValueOrDefault(status) + n;
                }
            }
        })
        { IsBackground = true }).ToArray();
        foreach (var client in clients)
        {
            client.Start();
        }

        foreach (var client in clients)
        {
            client.Join();
        }

        clock.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        return new LoadRun(clock.Elapsed, latencies, outcomes);
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
            return held == connections ? ExitCodes.Ok : ExitCodes.Usage;
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private string SendOne(byte[] request, byte[] buffer) => Exchange(host, null, request, buffer);

    /// <summary>
    /// Sends one request on a connection of its own from <paramref name="from"/> (any local address when null) and reads the
    /// reply up to its NUL: the reply's status tokens, or what went wrong instead.
    /// </summary>
    internal static string Exchange(IPEndPoint host, IPAddress? from, byte[] request, byte[] buffer)
    {
        try
        {
            using var socket = new Socket(host.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            {
                NoDelay = true,
                SendTimeout = (int)s_replyTimeout.TotalMilliseconds,
                ReceiveTimeout = (int)s_replyTimeout.TotalMilliseconds,
            };
            if (from is not null)
            {
                socket.Bind(new IPEndPoint(from, 0));
            }

            socket.Connect(host);
            socket.Send(request);
            for (var length = 0; length < buffer.Length;)
            {
                var received = socket.Receive(buffer, length, buffer.Length - length, SocketFlags.None);
                if (received == 0)
                {
                    return "closed without a reply";
                }

                var nul = Array.IndexOf(buffer, (byte)0, length, received);
                length += received;
                if (nul >= 0)
                {
                    return StatusTokens(Encoding.ASCII.GetString(buffer, 0, nul));
                }
            }

            return "a reply longer than " + buffer.Length + " bytes";
        }
        catch (SocketException ex)
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

    internal static double? ResidentMegabytes(int pid)
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
