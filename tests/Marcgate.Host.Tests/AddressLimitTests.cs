using System.Net;
using static Marcgate.Host.Tests.Records;

namespace Marcgate.Host.Tests;

/// <summary>Per-address connection limits, the minimum data rate and how refusals are logged (gateway §1, §5).</summary>
public sealed class AddressLimitTests
{
    private static readonly IPAddress s_first = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress s_second = IPAddress.Parse("127.0.0.3");

    [Fact]
    public async Task The_per_address_limit_counts_each_address_apart()
    {
        await using var host = await RunningHost.StartAsync(o => o.MaxConnectionsPerAddress = 2);
        await using var held1 = await GatewayTestClient.ConnectAsync(host.EndPoint, s_first);
        await using var held2 = await GatewayTestClient.ConnectAsync(host.EndPoint, s_first);
        await held1.SendAsync(Ascii("AB"));
        await held2.SendAsync(Ascii("AB"));
        await WaitForConnectionsAsync(host, 2);

        await using var third = await GatewayTestClient.ConnectAsync(host.EndPoint, s_first);
        var refused = Reply.Parse(await third.ReadReplyAsync());
        await using var other = await GatewayTestClient.ConnectAsync(host.EndPoint, s_second);
        await other.SendAsync(Concat(Ascii("ABNZPBpw"), Sample, [0]));
        var served = Reply.Parse(await other.ReadReplyAsync());

        Assert.Equal("busy", refused.Code);
        Assert.Contains("2 connections from 127.0.0.2", refused.HumanLine, StringComparison.Ordinal);
        Assert.Equal("ok", served.Status);
    }

    [Fact]
    public async Task Refused_connections_are_logged_once_per_address_a_minute()
    {
        await using var host = await RunningHost.StartAsync(o => o.MaxConnectionsPerAddress = 1);
        await using var held1 = await GatewayTestClient.ConnectAsync(host.EndPoint, s_first);
        await using var held2 = await GatewayTestClient.ConnectAsync(host.EndPoint, s_second);
        await held1.SendAsync(Ascii("AB"));
        await held2.SendAsync(Ascii("AB"));
        await WaitForConnectionsAsync(host, 2);

        for (var i = 0; i < 6; i++)
        {
            await using var refused = await GatewayTestClient.ConnectAsync(host.EndPoint, i % 3 == 2 ? s_second : s_first);
            Assert.Equal("busy", Reply.Parse(await refused.ReadReplyAsync()).Code);
        }

        var lines = host.Log.Lines.Where(l => l.StartsWith("Refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Single(lines, l => l.Contains("127.0.0.2:", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("127.0.0.3:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_slower_than_the_minimum_rate_is_answered_timeout_after_its_grace()
    {
        await using var host = await RunningHost.StartAsync(o =>
        {
            o.MinDataRate = 1000;
            o.MinDataRateGrace = TimeSpan.FromSeconds(1);
        });
        await using var client = await host.ConnectAsync();
        var request = Concat(Ascii("ABNZPBpw"), Sample, [0]);
        using var stop = new CancellationTokenSource();
        var trickle = TrickleAsync(client, request, bytesPerStep: 5, TimeSpan.FromMilliseconds(100), stop.Token);

        var reply = Reply.Parse(await client.ReadReplyAsync());
        await stop.CancelAsync();
        await trickle;

        Assert.Equal("timeout", reply.Code);
        Assert.Contains("arrived too slowly", reply.HumanLine, StringComparison.Ordinal);
        Assert.Contains("below the minimum of 1000 bytes a second", reply.HumanLine, StringComparison.Ordinal);
        Assert.True(await client.IsClosedByHostAsync());
        Assert.Empty(host.Importer.Requests);
    }

    [Fact]
    public async Task A_client_that_keeps_up_the_minimum_rate_is_answered_even_when_it_takes_longer_than_the_grace()
    {
        await using var host = await RunningHost.StartAsync(o =>
        {
            o.MinDataRate = 50;
            o.MinDataRateGrace = TimeSpan.FromMilliseconds(300);
        });
        await using var client = await host.ConnectAsync();
        var request = Concat(Ascii("ABNZPBpw"), Sample, [0]);

        await TrickleAsync(client, request, bytesPerStep: 40, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        var reply = Reply.Parse(await client.ReadReplyAsync());

        Assert.Equal("ok", reply.Status);
    }

    [Fact]
    public async Task A_zero_minimum_rate_turns_the_check_off()
    {
        await using var host = await RunningHost.StartAsync(o =>
        {
            o.MinDataRate = 0;
            o.MinDataRateGrace = TimeSpan.FromMilliseconds(100);
        });
        await using var client = await host.ConnectAsync();

        await TrickleAsync(client, Concat(Ascii("ABNZPBpw"), Sample[..20]), bytesPerStep: 4, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        await client.SendAsync(Concat(Sample[20..], [0]));

        Assert.Equal("ok", Reply.Parse(await client.ReadReplyAsync()).Status);
    }

    internal static async Task WaitForConnectionsAsync(RunningHost host, int count)
    {
        for (var i = 0; i < 200 && host.Server.ConnectionCount < count; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(count, host.Server.ConnectionCount);
    }

    private static async Task TrickleAsync(GatewayTestClient client, byte[] request, int bytesPerStep, TimeSpan step, CancellationToken cancellationToken)
    {
        try
        {
            for (var at = 0; at < request.Length && !cancellationToken.IsCancellationRequested; at += bytesPerStep)
            {
                await client.SendAsync(request[at..Math.Min(request.Length, at + bytesPerStep)]);
                await Task.Delay(step, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // The host closed the connection, or the test has its answer.
        }
    }
}
