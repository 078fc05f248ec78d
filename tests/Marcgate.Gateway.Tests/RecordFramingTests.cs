using static Marcgate.Gateway.Tests.Requests;

namespace Marcgate.Gateway.Tests;

/// <summary>Gateway §3.3: the record taken by its leader length, and the fallback when the leader lies.</summary>
public sealed class RecordFramingTests
{
    private static byte[] Record => RequestVectors.SampleRecord;

    [Fact]
    public void S3_3_the_record_is_taken_by_its_leader_length_and_the_rest_is_the_next_request()
    {
        var bytes = Concat(Ascii("ABNZ"), Record, Ascii("ABIZ"));
        var result = Read(bytes);
        Assert.Equal(GatewayReadStatus.Complete, result.Status);
        Assert.Equal(4 + 254, result.Consumed);
        Assert.False(result.Request!.RecordLengthRecovered);
    }

    [Fact]
    public void S3_3_a_leader_longer_than_the_record_falls_back_to_the_terminator_before_the_EOT()
    {
        var request = ReadComplete(Concat(RecordDeclaring(99999), [0x00]));
        Assert.Equal(254, request.Record.Length);
        Assert.Equal(99999, request.DeclaredRecordLength);
        Assert.True(request.RecordLengthRecovered);
        Assert.True(request.EndedWithEot);
    }

    [Fact]
    public void S3_3_a_leader_shorter_than_the_record_falls_back_to_the_terminator_before_the_EOT()
    {
        var request = ReadComplete(Concat(RecordDeclaring(200), [0x00]));
        Assert.Equal(254, request.Record.Length);
        Assert.True(request.RecordLengthRecovered);
    }

    [Fact]
    public void S3_3_a_lying_leader_without_EOT_completes_only_when_quiet()
    {
        var bytes = RecordDeclaring(99999);
        Assert.Equal(GatewayReadStatus.CompleteIfQuiet, Read(bytes).Status);
        Assert.Equal(254, ReadComplete(bytes, GatewayInput.Quiet).Record.Length);
        Assert.Equal(254, ReadComplete(bytes, GatewayInput.Ended).Record.Length);
    }

    [Fact]
    public void S3_3_a_lying_leader_whose_record_has_not_ended_needs_more()
    {
        Assert.Equal(GatewayReadStatus.NeedMoreData, Read(RecordDeclaring(99999)[..200], GatewayInput.Quiet).Status);
    }

    [Fact]
    public void S3_3_a_record_cut_short_by_the_end_of_the_stream_is_a_bad_record()
    {
        var result = Read(Record[..100], GatewayInput.Ended);
        Assert.Equal(GatewayReplyCodes.BadRecord, result.ErrorCode);
        Assert.Contains("after 100 bytes", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_3_an_EOT_inside_the_record_is_a_bad_record()
    {
        var result = Read(Concat(Record[..100], [0x00]));
        Assert.Equal(GatewayReplyCodes.BadRecord, result.ErrorCode);
        Assert.Contains("byte 100", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_3_an_EOT_inside_a_record_whose_leader_length_ends_on_the_terminator_is_a_bad_record_however_split()
    {
        // Found by fuzzing: a NUL in the record was a bad record while the rest had not arrived, and ignored once the
        // length had, so the answer depended on where the bytes were cut.
        var bytes = (byte[])Record.Clone();
        bytes[200] = 0x00;
        var whole = Read(bytes);
        Assert.Equal(GatewayReplyCodes.BadRecord, whole.ErrorCode);
        Assert.Contains("byte 200", whole.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(whole, Read(bytes[..210]));
        Assert.Equal(ReadTranscript.Whole(bytes), ReadTranscript.ByteByByte(bytes));
    }

    [Fact]
    public void S3_3_a_terminator_and_EOT_inside_the_leader_length_end_the_record_however_split()
    {
        var bytes = Concat(Record[..100], [0x1D, 0x00], Record[102..]);
        var request = ReadComplete(bytes);
        Assert.Equal(101, request.Record.Length);
        Assert.True(request.EndedWithEot);
        Assert.Equal(ReadTranscript.Whole(bytes), ReadTranscript.ByteByByte(bytes));
    }

    [Theory]
    [InlineData("0002x")]
    [InlineData("00023")]
    public void S3_3_a_record_without_a_plausible_length_is_a_bad_record(string start)
    {
        var result = Read(Concat(Ascii("ABNZ" + start), Record[5..]));
        Assert.Equal(GatewayReplyCodes.BadRecord, result.ErrorCode);
    }

    [Fact]
    public void S3_3_a_non_digit_where_the_record_should_start_is_a_bad_record()
    {
        var result = Read(Ascii("ABNZPBpw<record/>"));
        Assert.Equal(GatewayReplyCodes.BadRecord, result.ErrorCode);
        Assert.Contains("byte 8", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_3_the_record_length_counts_bytes_of_UTF8_records()
    {
        var vector = RequestVectors.Named("MARC-8 record");
        Assert.Equal(248, ReadComplete(vector.Bytes).Record.Length);
    }
}
