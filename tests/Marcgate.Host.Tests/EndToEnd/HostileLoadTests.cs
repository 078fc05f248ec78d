using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Marcgate.Catalog.Storage;
using Marcgate.Export.Gateway;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Xunit.Abstractions;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>
/// Hostile clients on 127.0.0.2 to 127.0.0.9 (a connection flood, trickling clients, oversized requests, random bytes,
/// half-open and reset connections) while a cataloger exports from 127.0.0.1 through the real import pipeline.
/// </summary>
/// <remarks>
/// The bound is behaviour, not speed: every one of the cataloger's records must be answered correctly (stored, and the
/// reply says so) before <see cref="s_legitimateBound"/>, 30 s, on a machine shared with other work; an idle machine
/// takes a few seconds. The attack runs until the cataloger is done, and at most <see cref="s_attackLimit"/>.
/// </remarks>
public sealed class HostileLoadTests(ITestOutputHelper output)
{
    private const int LegitimateRecords = 30;
    private static readonly TimeSpan s_legitimateBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_attackLimit = TimeSpan.FromSeconds(40);

    private readonly ConcurrentDictionary<string, int> _outcomes = new();

    [Fact(Timeout = 90_000)]
    public async Task A_catalogers_export_is_answered_correctly_while_hostile_clients_attack()
    {
        await using var host = await CatalogHost.StartAsync(configure: o =>
        {
            o.MaxConnections = 300;
            o.MaxConnectionsPerAddress = 24;
            o.MaxRequestBytes = 64 * 1024;
            o.IdleTimeout = TimeSpan.FromSeconds(3);
            o.MinDataRate = 500;
            o.MinDataRateGrace = TimeSpan.FromSeconds(1);
        });
        using var attack = new CancellationTokenSource(s_attackLimit);
        var attackers = new List<Task>
        {
            FloodAsync(host.EndPoint, "127.0.0.2", attack.Token),
            FloodAsync(host.EndPoint, "127.0.0.3", attack.Token),
            TrickleAsync(host.EndPoint, "127.0.0.4", attack.Token),
            TrickleAsync(host.EndPoint, "127.0.0.5", attack.Token),
            OversizedAsync(host.EndPoint, "127.0.0.6", attack.Token),
            RandomBytesAsync(host.EndPoint, "127.0.0.7", attack.Token),
            HalfOpenAsync(host.EndPoint, "127.0.0.8", attack.Token),
            ResetAsync(host.EndPoint, "127.0.0.9", attack.Token),
        };

        // Let the attack reach its full strength before the cataloger starts.
        await Task.Delay(1500);
        using var bound = new CancellationTokenSource(s_legitimateBound);
        var replies = new List<DeliveryResult>();
        var options = ExportOptions.Default with
        {
            Host = "127.0.0.1",
            Port = host.EndPoint.Port,
            LogonId = CatalogHost.LogonId,
            Timeout = s_legitimateBound,
            Retries = 0,
        };
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using (var destination = new GatewayExportDestination(options, CatalogHost.Password))
        {
            for (var i = 0; i < LegitimateRecords; i++)
            {
                var bytes = Records.SampleVariant((char)('A' + i));
                var record = Iso2709RecordParser.Parse(bytes, MarcReaderOptions.Default, 1, 0, []) ?? throw new InvalidDataException("unreadable");
                replies.Add(await destination.DeliverAsync(new PreparedRecord(record, bytes), bound.Token));
            }
        }

        var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        await attack.CancelAsync();
        await Task.WhenAll(attackers);

        // For bench/results/hostile-load.md: reported, never asserted.
        output.WriteLine($"{LegitimateRecords} records answered in {took.TotalSeconds:0.00} s under attack; attackers: {Describe()}");

        Assert.All(replies, r => Assert.True(r.Status == ExportStatus.Accepted && r.Reply!.Action is "added" or "overlaid", r.Message));
        Assert.Equal(1, await host.Store.CountRecordsAsync(CatalogHost.Repository, default));
        Assert.True(RecordId.TryParse(replies[0].Reply!.RecordId!, out var id));
        Assert.Equal(LegitimateRecords, (await host.Store.GetHistoryAsync(CatalogHost.Repository, id, default)).Count);

        // The hostile clients got the answers the protocol gives them, not hangs or crashes.
        Assert.True(_outcomes.GetValueOrDefault("flood busy") > 0, Describe());
        Assert.True(_outcomes.GetValueOrDefault("trickle timeout") > 0, Describe());
        Assert.True(_outcomes.GetValueOrDefault("oversized too-large") > 0, Describe());
        Assert.True(_outcomes.GetValueOrDefault("random bad-request") + _outcomes.GetValueOrDefault("random bad-record") > 0, Describe());
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains("Session with", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));

        // And the host is whole afterwards: the cataloger's next record on a new connection is answered.
        var after = await host.SendAsync(Records.Sample);
        Assert.Equal("ok", after.Status);
    }

    private string Describe() => string.Join(", ", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"));

    private void Count(string outcome) => _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    // Opens connections as fast as it can and holds them without sending, up to twice the per-address limit.
    private async Task FloodAsync(IPEndPoint host, string from, CancellationToken cancellationToken)
    {
        var held = new List<GatewayTestClient>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await TryConnectAsync(host, from);
                if (client is null)
                {
                    await Task.Delay(10, CancellationToken.None);
                    continue;
                }

                held.Add(client);
                if (held.Count > 48)
                {
                    // Read what the oldest got (busy, or timeout from the idle limit), then let it go.
                    var oldest = held[0];
                    held.RemoveAt(0);
                    Count("flood " + (Code(await ReadAsync(oldest)) ?? "closed"));
                    await oldest.DisposeAsync();
                }
            }
        }
        finally
        {
            foreach (var client in held)
            {
                Count("flood " + (Code(await ReadAsync(client, TimeSpan.FromMilliseconds(50))) ?? "open"));
                await client.DisposeAsync();
            }
        }
    }

    // Sends a real request one byte every 100 ms: far below the minimum rate.
    private async Task TrickleAsync(IPEndPoint host, string from, CancellationToken cancellationToken)
    {
        var request = Records.Concat(CatalogHost.Logon(), Records.Sample, [0]);
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var client = await TryConnectAsync(host, from);
            if (client is null)
            {
                continue;
            }

            var reading = ReadAsync(client, TimeSpan.FromSeconds(10));
            for (var at = 0; at < request.Length && !reading.IsCompleted && !cancellationToken.IsCancellationRequested; at++)
            {
                if (!await TrySendAsync(client, request[at..(at + 1)]))
                {
                    break;
                }

                await Task.WhenAny(reading, Task.Delay(100, CancellationToken.None));
            }

            Count("trickle " + (Code(await reading) ?? "closed"));
        }
    }

    // A logon, then a record start and digits far past the host's request limit.
    private async Task OversizedAsync(IPEndPoint host, string from, CancellationToken cancellationToken)
    {
        var request = Records.Concat(CatalogHost.Logon("wrong"), Records.Ascii("99999"), Enumerable.Repeat((byte)'7', 200_000).ToArray());
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var client = await TryConnectAsync(host, from);
            if (client is not null)
            {
                var reading = ReadAsync(client, TimeSpan.FromSeconds(10));
                await TrySendAsync(client, request);
                Count("oversized " + (Code(await reading) ?? "closed"));
            }
        }
    }

    private async Task RandomBytesAsync(IPEndPoint host, string from, CancellationToken cancellationToken)
    {
        var random = new Random(5500);
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var client = await TryConnectAsync(host, from);
            if (client is not null)
            {
                var bytes = new byte[random.Next(1, 4096)];
                random.NextBytes(bytes);
                var reading = ReadAsync(client, TimeSpan.FromSeconds(10));
                if (await TrySendAsync(client, bytes))
                {
                    try
                    {
                        client.EndSending();
                    }
                    catch (SocketException)
                    {
                    }
                }

                Count("random " + (Code(await reading) ?? "closed"));
            }
        }
    }

    // Half a request, then the client ends its side and never reads.
    private async Task HalfOpenAsync(IPEndPoint host, string from, CancellationToken cancellationToken)
    {
        var half = Records.Concat(CatalogHost.Logon(), Records.Sample[..100]);
        var open = new List<GatewayTestClient>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await TryConnectAsync(host, from);
                if (client is null)
                {
                    await Task.Delay(10, CancellationToken.None);
                    continue;
                }

                await TrySendAsync(client, half);
                try
                {
                    client.EndSending();
                }
                catch (SocketException)
                {
                }

                open.Add(client);
                Count("half-open sent");
                if (open.Count > 20)
                {
                    await open[0].DisposeAsync();
                    open.RemoveAt(0);
                }

                await Task.Delay(20, CancellationToken.None);
            }
        }
        finally
        {
            foreach (var client in open)
            {
                await client.DisposeAsync();
            }
        }
    }

    // Connects, sends part of a request and resets the connection (RST, no FIN).
    private async Task ResetAsync(IPEndPoint host, string from, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(host, CancellationToken.None);
                await socket.SendAsync(CatalogHost.Logon(), SocketFlags.None);
                socket.LingerState = new LingerOption(true, 0);
                Count("reset sent");
            }
            catch (SocketException)
            {
                Count("reset refused");
            }

            socket.Close();
            await Task.Delay(5, CancellationToken.None);
        }
    }

    private static async Task<GatewayTestClient?> TryConnectAsync(IPEndPoint host, string from)
    {
        try
        {
            return await GatewayTestClient.ConnectAsync(host, IPAddress.Parse(from));
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static async Task<bool> TrySendAsync(GatewayTestClient client, byte[] bytes)
    {
        try
        {
            await client.SendAsync(bytes);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<string?> ReadAsync(GatewayTestClient client, TimeSpan? patience = null)
    {
        try
        {
            var reading = client.ReadReplyAsync();
            return patience is { } limit ? await reading.WaitAsync(limit) : await reading;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or TimeoutException)
        {
            return null;
        }
    }

    private static string? Code(string? reply) => reply is null ? null : Reply.Parse(reply).Code ?? Reply.Parse(reply).Status;
}
