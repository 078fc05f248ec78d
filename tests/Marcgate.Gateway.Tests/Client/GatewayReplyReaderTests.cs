using System.Text;
using Marcgate.Gateway.Client;

namespace Marcgate.Gateway.Tests.Client;

public sealed class GatewayReplyReaderTests
{
    // Transcripts of host replies: Marcgate's own (gateway §4), FOLIO's and Koha's sentences.
    private const string WarningsReply = "The record has been processed successfully. Record 000009 was overlaid in NETWORK.\r\nWarning: 650 second indicator 9 is not defined\r\nWarning: caf\\u00e9 \\u2014 recovered\r\nstatus=ok action=overlaid repository=NETWORK record=000009 warnings=2\r\n\0";

    private const string ErrorReply = "Import Failed. Logon failed--the logon ID and/or password is not valid.\r\nstatus=error code=logon-failed\r\n\0";

    public static TheoryData<string, string, bool, string?, string?, int> Transcripts => new()
    {
        {
            "marcgate added",
            "The record has been processed successfully. Record 000123 was added to NETWORK (OCLC 63111280).\r\nstatus=ok action=added repository=NETWORK record=000123 oclc=63111280 warnings=0\r\n\0",
            true, "added", "000123", 0
        },
        {
            "marcgate error",
            ErrorReply,
            false, null, null, 0
        },
        {
            "marcgate warnings",
            WarningsReply,
            true, "overlaid", "000009", 2
        },
        { "folio", "Import ok\n\0", true, null, null, 0 },
        { "koha failure", "Failed to import record: invalid MARC\0", false, null, null, 0 },
        { "koha refused logon", "Unsuccessful request\0", false, null, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Whole_reply_parses(string name, string transcript, bool accepted, string? action, string? recordId, int warnings)
    {
        var reply = ReadAll(Encoding.Latin1.GetBytes(transcript), chunk: int.MaxValue);
        AssertReply(name, reply, accepted, action, recordId, warnings);
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Reply_fed_one_byte_at_a_time_parses_the_same(string name, string transcript, bool accepted, string? action, string? recordId, int warnings)
    {
        var reply = ReadAll(Encoding.Latin1.GetBytes(transcript), chunk: 1);
        AssertReply(name, reply, accepted, action, recordId, warnings);
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Reply_split_at_every_offset_parses_the_same(string name, string transcript, bool accepted, string? action, string? recordId, int warnings)
    {
        var bytes = Encoding.Latin1.GetBytes(transcript);
        for (var split = 1; split < bytes.Length; split++)
        {
            var reader = new GatewayReplyReader();
            var first = reader.Feed(bytes.AsSpan(0, split), out var used);
            if (first != GatewayReplyState.Complete)
            {
                Assert.Equal(split, used);
                Assert.Equal(GatewayReplyState.Complete, reader.Feed(bytes.AsSpan(split), out _));
            }

            AssertReply(name, reader.Reply!, accepted, action, recordId, warnings);
        }
    }

    [Fact]
    public void Warnings_are_unescaped()
    {
        var reply = ReadAll(Encoding.Latin1.GetBytes(WarningsReply), int.MaxValue);
        Assert.Equal("caf\u00e9 \u2014 recovered", reply.Warnings[1]);
        Assert.Equal("NETWORK", reply.Repository);
    }

    [Fact]
    public void Error_reply_gives_its_code()
    {
        var reply = ReadAll(Encoding.Latin1.GetBytes(ErrorReply), int.MaxValue);
        Assert.Equal("logon-failed", reply.Code);
        Assert.Equal("error", reply.Status);
        Assert.StartsWith("Import Failed.", reply.HumanLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_NUL_are_not_consumed()
    {
        var reader = new GatewayReplyReader();
        var state = reader.Feed("Import ok\n\0extra"u8, out var consumed);
        Assert.Equal(GatewayReplyState.Complete, state);
        Assert.Equal(11, consumed);
    }

    [Fact]
    public void A_leading_NUL_is_not_taken_as_an_empty_reply()
    {
        var reader = new GatewayReplyReader();
        Assert.Equal(GatewayReplyState.NeedMore, reader.Feed("\0"u8, out _));
        Assert.Equal(GatewayReplyState.Complete, reader.Feed("Import ok\n\0"u8, out _));
        Assert.Equal("Import ok", reader.Reply!.HumanLine);
    }

    [Fact]
    public void Close_after_text_without_NUL_keeps_the_text()
    {
        var reader = new GatewayReplyReader();
        reader.Feed("The record has been processed successfully.\r\nstatus=ok action=added record=7"u8, out _);
        var reply = reader.Close();
        Assert.NotNull(reply);
        Assert.Equal(GatewayReplyEnd.Closed, reply.End);
        Assert.Equal("7", reply.RecordId);
    }

    [Fact]
    public void Close_with_nothing_received_is_no_reply()
    {
        Assert.Null(new GatewayReplyReader().Close());
    }

    [Fact]
    public void Endless_text_stops_at_the_limit()
    {
        var reader = new GatewayReplyReader(maxReplyBytes: 16);
        Assert.Equal(GatewayReplyState.NeedMore, reader.Feed("0123456789"u8, out _));
        Assert.Equal(GatewayReplyState.TooLong, reader.Feed("0123456789"u8, out _));
    }

    private static HostReply ReadAll(byte[] bytes, int chunk)
    {
        var reader = new GatewayReplyReader();
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            var piece = bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at));
            if (reader.Feed(piece, out _) == GatewayReplyState.Complete)
            {
                return reader.Reply!;
            }
        }

        throw new InvalidOperationException("no NUL in transcript");
    }

    private static void AssertReply(string name, HostReply reply, bool accepted, string? action, string? recordId, int warnings)
    {
        Assert.True(accepted == reply.Accepted, name);
        Assert.Equal(action, reply.Action);
        Assert.Equal(recordId, reply.RecordId);
        Assert.Equal(warnings, reply.Warnings.Count);
        Assert.Equal(GatewayReplyEnd.Nul, reply.End);
    }
}
