using static Marcgate.Gateway.Tests.Requests;

namespace Marcgate.Gateway.Tests;

/// <summary>Gateway §5: when a request is complete, what lies between requests, and the limits.</summary>
public sealed class CompletionTests
{
    private static byte[] Record => RequestVectors.SampleRecord;

    [Fact]
    public void S5_rule1_a_whole_record_completes_without_waiting_for_EOT()
    {
        var result = Read(Concat(Ascii("ABNZ"), Record));
        Assert.Equal(GatewayReadStatus.Complete, result.Status);
        Assert.False(result.Request!.EndedWithEot);
    }

    [Fact]
    public void S5_rule1_one_byte_short_of_the_record_needs_more()
    {
        Assert.Equal(GatewayReadStatus.NeedMoreData, Read(Concat(Ascii("ABNZ"), Record[..^1])).Status);
    }

    [Fact]
    public void S5_rule2_an_EOT_before_any_record_is_a_bad_request()
    {
        var result = Read(Ascii("ABNZPBpw\0"));
        Assert.Equal(GatewayReplyCodes.BadRequest, result.ErrorCode);
    }

    [Fact]
    public void S5_rule3_a_half_close_inside_the_logon_fields_is_a_bad_request()
    {
        var result = Read(Ascii("ABNZPB"), GatewayInput.Ended);
        Assert.Equal(GatewayReplyCodes.BadRequest, result.ErrorCode);
        Assert.Contains("P field", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S5_rule3_a_half_close_with_nothing_sent_is_idle()
    {
        Assert.Equal(GatewayReadStatus.Idle, Read([], GatewayInput.Ended).Status);
    }

    [Fact]
    public void S5_nul_bytes_and_spaces_between_requests_are_ignored()
    {
        var bytes = Concat(Record, Ascii("\0\0 \0"), Ascii("ABNZ"), Record, Ascii("\0 "));
        Assert.Equal(["Raw A=- P=- U=- record=254", "Gateway A=NZ P=- U=- record=254"], ReadTranscript.ByteByByte(bytes));
        var idle = Read(Ascii("\0 \0"));
        Assert.Equal((GatewayReadStatus.Idle, 3), (idle.Status, idle.Consumed));
    }

    [Fact]
    public void S5_the_EOT_after_a_whole_record_is_consumed_with_the_next_noise()
    {
        var result = Read(Concat(Record, [0x00]));
        Assert.Equal(254, result.Consumed);
        Assert.Equal(GatewayReadStatus.Idle, Read([0x00]).Status);
    }

    [Fact]
    public void Limits_a_request_beyond_the_maximum_is_too_large()
    {
        var options = new GatewayRequestReaderOptions { MaxRequestBytes = 1000 };
        var junk = Concat(RecordDeclaring(99999)[..30], new byte[1000].Select(_ => (byte)'x').ToArray());
        var result = Read(junk, GatewayInput.Open, options);
        Assert.Equal(GatewayReplyCodes.TooLarge, result.ErrorCode);
        Assert.Contains("1000 bytes", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_spaces_alone_never_grow_past_the_maximum_because_they_are_discarded()
    {
        var options = new GatewayRequestReaderOptions { MaxRequestBytes = 10 };
        var result = Read(Ascii(new string(' ', 50)), GatewayInput.Open, options);
        Assert.Equal((GatewayReadStatus.Idle, 50), (result.Status, result.Consumed));
    }

    [Fact]
    public void Limits_a_complete_request_beyond_the_maximum_is_too_large()
    {
        var options = new GatewayRequestReaderOptions { MaxRequestBytes = 200 };
        Assert.Equal(GatewayReplyCodes.TooLarge, Read(Record, GatewayInput.Open, options).ErrorCode);
    }
}
