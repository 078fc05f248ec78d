using static Marcgate.Host.Tests.Records;

namespace Marcgate.Host.Tests;

/// <summary>Gateway §2, §3.1 and §3.2 over loopback: each length form, field orders, digit-leading IDs, both dialects.</summary>
public sealed class LengthFormTests
{
    [Theory]
    [InlineData("ABNZPBpw", "NZ")]
    [InlineData("A2NZP2pw", "NZ")]
    [InlineData("A1501CARLI_NETWORKP6secret", "01CARLI_NETWORK")]
    [InlineData("AO01CARLI_NETWORKP6secret", "01CARLI_NETWORK")]
    [InlineData("PBpwABNZ", "NZ")]
    [InlineData(" UEabcde ABNZ PBpw ", "NZ")]
    [InlineData("U3abcA2NZP2pw", "NZ")]
    [InlineData("UBNZPBpw", "NZ")]
    public async Task S3_each_length_form_and_field_order_is_accepted(string prefix, string logon)
    {
        await using var host = await RunningHost.StartAsync();
        var reply = await host.SendOneAsync(Concat(Ascii(prefix), Sample));
        Assert.Equal(("ok", "added"), (reply.Status, reply.Action));
        Assert.Equal(logon, reply.Tokens["repository"]);
        var request = Assert.Single(host.Importer.Requests);
        Assert.Equal(logon, request.LogonId);
        Assert.Equal(Sample, request.Record.Bytes.ToArray());
        Assert.Equal("127.0.0.1", request.PeerAddress);
    }

    [Fact]
    public async Task S3_1_U_beside_A_is_passed_on_as_the_exporting_user()
    {
        await using var host = await RunningHost.StartAsync();
        await host.SendOneAsync(Concat(Ascii("UK100-123-456ABNZPBpw"), Sample));
        Assert.Equal("100-123-456", Assert.Single(host.Importer.Requests).UserId);
    }

    [Fact]
    public async Task S3_2_a_decimal_empty_password_reaches_the_importer_as_empty()
    {
        await using var host = await RunningHost.StartAsync();
        var reply = await host.SendOneAsync(Concat(Ascii("A2NZP0"), Sample));
        Assert.Equal("logon-failed", reply.Code);
        Assert.Equal("", Assert.Single(host.Importer.Requests).Password);
    }

    [Fact]
    public async Task S2_a_raw_record_after_telnet_negotiation_is_answered()
    {
        await using var host = await RunningHost.StartAsync();
        var reply = await host.SendOneAsync(Concat([0xFF, 0xFB, 0x01, 0xFF, 0xFD, 0x03], Sample));
        Assert.Equal("logon-failed", reply.Code);
        var request = Assert.Single(host.Importer.Requests);
        Assert.Null(request.LogonId);
        Assert.Equal(Sample, request.Record.Bytes.ToArray());
    }

    [Fact]
    public async Task S3_1_wrong_password_is_logon_failed_with_the_Alma_sentence()
    {
        await using var host = await RunningHost.StartAsync();
        var reply = await host.SendOneAsync(Concat(Ascii("ABNZPBxx"), Sample));
        Assert.Equal("Import Failed. Logon failed--the logon ID and/or password is not valid.", reply.HumanLine);
        Assert.Equal(("error", "logon-failed"), (reply.Status, reply.Code));
    }

    [Fact]
    public async Task S3_1_a_repeated_tag_is_a_bad_request_then_the_host_closes()
    {
        await using var host = await RunningHost.StartAsync();
        await using var client = await host.ConnectAsync();
        await client.SendAsync(Concat(Ascii("ABNZABIZPBpw"), Sample));
        var reply = Reply.Parse(await client.ReadReplyAsync());
        Assert.Equal("bad-request", reply.Code);
        Assert.Contains("repeats", reply.HumanLine, StringComparison.Ordinal);
        Assert.True(await client.IsClosedByHostAsync());
        Assert.Empty(host.Importer.Requests);
    }
}
