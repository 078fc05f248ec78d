using static Marcgate.Host.Tests.Records;

namespace Marcgate.Host.Tests;

/// <summary>Limits, failures, logging and shutdown of the host.</summary>
public sealed class HostBehaviourTests
{
    [Fact]
    public async Task Limits_a_connection_beyond_the_per_peer_limit_is_answered_busy()
    {
        await using var host = await RunningHost.StartAsync(o => o.MaxConnectionsPerAddress = 1);
        await using var first = await host.ConnectAsync();
        await first.SendAsync(Ascii("AB"));
        await using var second = await host.ConnectAsync();
        var reply = Reply.Parse(await second.ReadReplyAsync());
        Assert.Equal("busy", reply.Code);
        Assert.Contains("127.0.0.1", reply.HumanLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_a_connection_beyond_the_total_limit_is_answered_busy()
    {
        await using var host = await RunningHost.StartAsync(o => o.MaxConnections = 1);
        await using var first = await host.ConnectAsync();
        await first.SendAsync(Ascii("AB"));
        await using var second = await host.ConnectAsync();
        Assert.Equal("busy", Reply.Parse(await second.ReadReplyAsync()).Code);
    }

    [Fact]
    public async Task S4_an_importer_that_throws_gives_server_error_and_the_connection_goes_on()
    {
        await using var host = await RunningHost.StartAsync();
        host.Importer.Failure = new InvalidOperationException("disk on fire");
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
        var reply = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal("server-error", reply.Code);
        Assert.DoesNotContain("disk on fire", reply.HumanLine, StringComparison.Ordinal);
        host.Importer.Failure = null;
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
        Assert.Equal("ok", Reply.Parse(await client.ReadReplyAsync()).Status);
    }

    [Fact]
    public async Task S7_one_log_line_per_import_never_with_the_password()
    {
        await using var host = await RunningHost.StartAsync();
        await host.SendOneAsync(Concat(Ascii("UK100-123-456ABNZPKsupersecret"), Sample));
        await host.SendOneAsync(Concat(Ascii("ABNZPBpw"), Sample));
        var imports = host.Log.Lines.Where(l => l.StartsWith("Import ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, imports.Count);
        Assert.Contains("logon=NZ user=100-123-456", imports[0], StringComparison.Ordinal);
        Assert.Contains("outcome=refused code=logon-failed", imports[0], StringComparison.Ordinal);
        Assert.Contains("outcome=added code=-", imports[1], StringComparison.Ordinal);
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains("supersecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task S7_an_importer_that_throws_is_still_one_log_line_with_its_exception()
    {
        await using var host = await RunningHost.StartAsync();
        host.Importer.Failure = new InvalidOperationException("disk on fire");
        await host.SendOneAsync(Concat(Ascii("ABNZPBpw"), Sample));

        var line = Assert.Single(host.Log.Entries, e => e.EventId.Name == "Import");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, line.Level);
        Assert.Equal("disk on fire", line.Exception?.Message);
        Assert.Contains("outcome=refused code=server-error", line.Text, StringComparison.Ordinal);
        Assert.Single(host.Log.Lines, l => l.Contains("disk on fire", StringComparison.Ordinal) || l.StartsWith("Import ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task S7_a_logon_or_user_id_cannot_forge_tokens_or_lines_in_the_log()
    {
        await using var host = await RunningHost.StartAsync();
        await host.SendOneAsync(Concat(Ascii("ANN Z outcome=okPBpw"), Sample));

        var line = Assert.Single(host.Log.Lines, l => l.StartsWith("Import ", StringComparison.Ordinal));
        Assert.Contains(@"logon=N\u0020Z\u0020outcome=ok ", line, StringComparison.Ordinal);
        Assert.Single(line.Split(' '), t => t.StartsWith("outcome=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shutdown_finishes_the_request_in_hand_and_closes_idle_connections()
    {
        var importer = new RecordingImporter { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var host = await RunningHost.StartAsync(o => o.IdleTimeout = TimeSpan.FromSeconds(30), importer);
        await using var idle = await host.ConnectAsync();
        await using var busy = await host.ConnectAsync();
        await busy.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
        await importer.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var stopping = host.DisposeAsync().AsTask();
        Assert.True(await idle.IsClosedByHostAsync());
        Assert.False(stopping.IsCompleted);
        importer.Gate.SetResult();
        Assert.Equal("ok", Reply.Parse(await busy.ReadReplyAsync()).Status);
        await stopping;
        Assert.True(await busy.IsClosedByHostAsync());
    }

    [Fact]
    public async Task Listeners_several_addresses_from_configuration_all_answer()
    {
        await using var host = await RunningHost.StartAsync(o => o.Listen = ["127.0.0.1:0", "127.0.0.1:0"]);
        Assert.Equal(2, host.Server.EndPoints.Count);
        foreach (var endPoint in host.Server.EndPoints)
        {
            await using var client = await GatewayTestClient.ConnectAsync(endPoint);
            await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
            Assert.Equal("ok", Reply.Parse(await client.ReadReplyAsync()).Status);
        }
    }

    [Theory]
    [InlineData("localhost:5500")]
    [InlineData("[::1]:0")]
    [InlineData("*:5500")]
    public void Listeners_addresses_parse(string address) => Assert.NotNull(ListenAddress.Parse(address));

    [Theory]
    [InlineData("5500")]
    [InlineData("host.example:5500")]
    [InlineData("127.0.0.1:70000")]
    public void Listeners_bad_addresses_are_refused_with_the_address(string address) =>
        Assert.Contains(address.Split(':')[0], Assert.Throws<FormatException>(() => ListenAddress.Parse(address)).Message, StringComparison.Ordinal);
}
