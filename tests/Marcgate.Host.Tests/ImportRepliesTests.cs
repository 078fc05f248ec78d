using System.Reflection;
using Marcgate.Catalog.Import;
using Marcgate.Gateway;

namespace Marcgate.Host.Tests;

/// <summary>Gateway §4: the import pipeline's outcomes become replies with the closed lists of codes and actions.</summary>
public sealed class ImportRepliesTests
{
    public static IEnumerable<object[]> ReplyCodeValues =>
        typeof(GatewayReplyCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => new object[] { (string)f.GetRawConstantValue()! });

    [Theory]
    [MemberData(nameof(ReplyCodeValues))]
    public void S4_every_status_code_and_action_is_on_the_closed_lists(string value) =>
        Assert.True(GatewayReplyCodes.Statuses.Contains(value) || GatewayReplyCodes.IsErrorCode(value) || GatewayReplyCodes.IsAction(value), $"'{value}' is on no list");

    [Fact]
    public void S4_the_pipeline_message_becomes_the_human_line_and_host_warnings_come_first()
    {
        var outcome = new ImportOutcome(false, null, GatewayReplyCodes.InvalidRecord, "Record failed validation: 245 missing.") { Warnings = ["from the pipeline"] };
        var reply = ImportReplies.From(outcome, ["from the host"]);
        Assert.Equal("Record failed validation: 245 missing.", reply.Message);
        Assert.Equal(["from the host", "from the pipeline"], reply.Warnings);
    }

    [Fact]
    public void S4_an_unknown_code_or_an_incomplete_success_is_a_server_error()
    {
        Assert.Equal(GatewayReplyCodes.ServerError, ImportReplies.From(new ImportOutcome(false, null, "weird", "x"), []).Code);
        Assert.Equal(GatewayReplyCodes.ServerError, ImportReplies.From(new ImportOutcome(true, "added", null, "") { Repository = "NZ" }, []).Code);
    }

    [Fact]
    public void S4_a_success_carries_repository_record_and_OCLC_number()
    {
        var reply = ImportReplies.From(new ImportOutcome(true, "overlaid", null, "") { Repository = "NZ", RecordId = "000042", OclcNumber = "63111280" }, []);
        Assert.Equal((true, "overlaid", "NZ", "000042", "63111280"), (reply.Ok, reply.Action, reply.Repository, reply.RecordId, reply.OclcNumber));
    }
}
