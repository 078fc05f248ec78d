using static Marcgate.Host.Tests.Records;

namespace Marcgate.Host.Tests;

/// <summary>Gateway §3.3, §4 and §5 over loopback: when a request completes, what follows the reply, and the connection's life.</summary>
public sealed class CompletionTests
{
    [Fact]
    public async Task S4_the_reply_is_two_CRLF_lines_then_one_NUL()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
        var text = await client.ReadReplyAsync();
        Assert.Equal(
            "The record has been processed successfully. Record 000001 was added to NZ.\r\nstatus=ok action=added repository=NZ record=000001 warnings=0\r\n",
            text);
    }

    [Fact]
    public async Task S5_an_EOT_that_comes_after_the_reply_is_ignored_and_gets_no_reply_of_its_own()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
        Assert.Equal("added", Reply.Parse(await client.ReadReplyAsync()).Action);

        // "Notify Host before Disconnect" (§6): the client's NUL arrives after the host already answered (§5 rule 1).
        await client.SendAsync([0]);
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), SampleVariant('Y')));
        var next = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal("added", next.Action);
        Assert.Equal("000002", next.Tokens["record"]);
        client.EndSending();
        Assert.True(await client.IsClosedByHostAsync());
    }

    [Fact]
    public async Task S5_two_requests_on_one_connection_get_two_replies_and_the_same_record_is_unchanged()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var request = Concat(Ascii("ABNZPBpw"), Sample);
        await client.SendAsync(request);
        var first = Reply.Parse(await client.ReadReplyAsync());
        await client.SendAsync(request);
        var second = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal(("added", "unchanged"), (first.Action, second.Action));
        Assert.Equal(first.Tokens["record"], second.Tokens["record"]);
    }

    [Fact]
    public async Task S5_requests_sent_back_to_back_with_EOT_and_noise_between_are_each_answered()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample, [0, 0], Ascii("  "), Ascii("ABNZPBpw"), SampleVariant('X'), [0]));
        var replies = new[] { Reply.Parse(await client.ReadReplyAsync()), Reply.Parse(await client.ReadReplyAsync()) };
        Assert.Equal(["added", "added"], replies.Select(r => r.Action));
        Assert.NotEqual(replies[0].Tokens["record"], replies[1].Tokens["record"]);
    }

    [Fact]
    public async Task S5_rule1_a_whole_record_is_answered_without_EOT_or_close()
    {
        await using var host = await RunningHost.StartAsync(o => (o.IdleTimeout, o.SettleTime) = (TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(50)));
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
        Assert.Equal("ok", Reply.Parse(await client.ReadReplyAsync()).Status);
    }

    [Fact]
    public async Task S3_3_a_lying_leader_with_EOT_is_taken_to_its_terminator_with_a_warning()
    {
        await using var host = await RunningHost.StartAsync();
        var reply = await host.SendOneAsync(Concat(Ascii("ABNZPBpw"), WithDeclaredLength(Sample, 99999), [0]));
        Assert.Equal("ok", reply.Status);
        Assert.Equal("1", reply.Tokens["warnings"]);
        Assert.Contains("99999", Assert.Single(reply.Warnings), StringComparison.Ordinal);
        Assert.Equal(254, Assert.Single(host.Importer.Requests).Record.Bytes.Length);
    }

    [Fact]
    public async Task S5_rule4_a_lying_leader_without_EOT_is_answered_after_the_settle_time()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), WithDeclaredLength(Sample, 99999)));
        var reply = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal("ok", reply.Status);
        Assert.Equal(254, Assert.Single(host.Importer.Requests).Record.Bytes.Length);
    }

    [Fact]
    public async Task S5_rule3_a_half_close_after_a_lying_leader_completes_the_request()
    {
        await using var host = await RunningHost.StartAsync(o => (o.IdleTimeout, o.SettleTime) = (TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(50)));
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), WithDeclaredLength(Sample, 300)));
        client.EndSending();
        Assert.Equal("ok", Reply.Parse(await client.ReadReplyAsync()).Status);
        Assert.True(await client.IsClosedByHostAsync());
    }

    [Fact]
    public async Task S5_rule5_a_client_that_never_finishes_gets_code_timeout_then_the_host_closes()
    {
        await using var host = await RunningHost.StartAsync(o => o.IdleTimeout = TimeSpan.FromSeconds(1));
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample[..100]));
        var reply = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal("timeout", reply.Code);
        Assert.Contains("108 bytes", reply.HumanLine, StringComparison.Ordinal);
        Assert.True(await client.IsClosedByHostAsync());
        Assert.Empty(host.Importer.Requests);
    }

    [Fact]
    public async Task S5_an_idle_connection_after_its_replies_is_closed_without_another_reply()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample, [0]));
        Assert.Equal("ok", Reply.Parse(await client.ReadReplyAsync()).Status);
        Assert.True(await client.IsClosedByHostAsync());
    }

    [Fact]
    public async Task Limits_more_than_1MB_of_junk_is_too_large_then_the_host_closes()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var junk = Concat(Ascii("ABNZPBpw"), WithDeclaredLength(Sample, 99999)[..40], Enumerable.Repeat((byte)'x', (1 << 20) + 4096).ToArray());
        var sending = client.SendAsync(junk);
        var reply = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal("too-large", reply.Code);
        Assert.True(await client.IsClosedByHostAsync());
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await sending;
            await client.SendAsync(Sample);
            await client.SendAsync(Sample);
            throw new IOException("the host kept reading");
        });
        Assert.Empty(host.Importer.Requests);
    }

    [Fact]
    public async Task S3_3_record_bytes_that_are_not_ISO_2709_are_a_bad_record_and_the_connection_goes_on()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        var broken = Sample.ToArray();
        "zz#ABCDEFGH"u8.CopyTo(broken.AsSpan(24));
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), broken));
        var bad = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal("bad-record", bad.Code);
        Assert.Contains("byte", bad.HumanLine, StringComparison.Ordinal);
        await client.SendAsync(Concat(Ascii("ABNZPBpw"), Sample));
        Assert.Equal("ok", Reply.Parse(await client.ReadReplyAsync()).Status);
        Assert.Single(host.Importer.Requests);
    }

    [Fact]
    public async Task S7_step2_the_record_is_read_once_and_the_import_goes_on_from_what_the_host_read()
    {
        await using var host = await RunningHost.StartAsync();
        var reply = await host.SendOneAsync(Concat(Ascii("ABNZPBpw"), Sample));
        Assert.Equal("ok", reply.Status);
        var read = Assert.Single(host.Importer.Reads);
        Assert.Same(read, Assert.Single(host.Importer.Requests).Record);
    }

    [Fact]
    public async Task S3_3_a_non_digit_where_the_record_starts_is_a_bad_record()
    {
        await using var host = await RunningHost.StartAsync();
        var reply = await host.SendOneAsync(Ascii("ABNZPBpw<record>nope</record>"));
        Assert.Equal("bad-record", reply.Code);
    }
}
