using System.Text;

namespace Marcgate.Gateway.Tests;

/// <summary>Gateway §4: the reply's lines, their escaping and the closed lists.</summary>
public sealed class GatewayReplyWriterTests
{
    private static string Text(GatewayReply reply) => Encoding.ASCII.GetString(GatewayReplyWriter.Write(reply));

    [Fact]
    public void S4_success_is_the_human_line_the_key_value_line_then_NUL()
    {
        var reply = GatewayReply.Success(GatewayReplyCodes.Added, "NETWORK", "000123", "63111280");
        Assert.Equal(
            "The record has been processed successfully. Record 000123 was added to NETWORK (OCLC 63111280).\r\n" +
            "status=ok action=added repository=NETWORK record=000123 oclc=63111280 warnings=0\r\n\0",
            Text(reply));
    }

    [Fact]
    public void S4_failure_follows_the_spec_example()
    {
        Assert.Equal(
            "Import Failed. Logon failed--the logon ID and/or password is not valid.\r\nstatus=error code=logon-failed\r\n\0",
            Text(GatewayReply.Failure(GatewayReplyCodes.LogonFailed)));
    }

    [Fact]
    public void S4_warnings_come_between_the_two_lines_and_are_counted()
    {
        var reply = GatewayReply.Success(GatewayReplyCodes.Overlaid, "NZ", "7", null, ["leader length 99999 corrected to 254", "second"]);
        Assert.Equal(
            "The record has been processed successfully. Record 7 was overlaid in NZ.\r\n" +
            "Warning: leader length 99999 corrected to 254\r\nWarning: second\r\n" +
            "status=ok action=overlaid repository=NZ record=7 warnings=2\r\n\0",
            Text(reply));
    }

    [Fact]
    public void S4_non_ASCII_controls_and_backslash_are_escaped_and_spaces_only_inside_tokens()
    {
        var text = Text(GatewayReply.Success(GatewayReplyCodes.Unchanged, "Zürich Zone", "1", null, ["a\r\nb\0\\ \U0001F600"]));
        Assert.Contains("is unchanged in Z\\u00FCrich Zone.", text, StringComparison.Ordinal);
        Assert.Contains("Warning: a\\u000D\\u000Ab\\u0000\\u005C \\uD83D\\uDE00\r\n", text, StringComparison.Ordinal);
        Assert.Contains("repository=Z\\u00FCrich\\u0020Zone ", text, StringComparison.Ordinal);
        Assert.Single(text, '\0');
        Assert.All(text, c => Assert.InRange(c, '\0', '~'));
    }

    [Fact]
    public void S4_every_error_code_has_its_own_sentence()
    {
        var sentences = GatewayReplyCodes.ErrorCodes.Select(GatewayReplyText.ForCode).ToList();
        Assert.Equal(sentences.Count, sentences.Distinct().Count());
        Assert.All(GatewayReplyCodes.ErrorCodes, code => Assert.EndsWith($"status=error code={code}\r\n\0", Text(GatewayReply.Failure(code)), StringComparison.Ordinal));
    }

    [Fact]
    public void S4_codes_and_actions_are_closed_lists()
    {
        Assert.Throws<ArgumentException>(() => GatewayReply.Failure("oops"));
        Assert.Throws<ArgumentException>(() => GatewayReply.Success("deleted", "NZ", "1", null));
        Assert.True(GatewayReplyCodes.IsErrorCode("multiple-matches"));
        Assert.False(GatewayReplyCodes.IsAction("Added"));
    }

    [Fact]
    public void S4_a_failure_message_replaces_the_standard_sentence()
    {
        Assert.StartsWith("Import Failed. byte 0 is 0x47 'G'.\r\n", Text(GatewayReply.Failure(GatewayReplyCodes.BadRequest, "byte 0 is 0x47 'G'.")), StringComparison.Ordinal);
    }
}
