using System.Text;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;
using Marcgate.Gateway.Client;

namespace Marcgate.Export.Tests.Pipeline;

public sealed class ExportSummaryTests
{
    [Fact]
    public void The_summary_counts_records_by_outcome_and_by_reason()
    {
        var options = ExportOptions.Default with { Host = "alma.example.org", Port = 5500, DestinationName = "network" };
        ExportRecordResult[] results =
        [
            Replied(1, "added"), Replied(2, "added"), Replied(3, "added"), Replied(4, "overlaid"), Replied(5, "unchanged"),
            Refused(6, "invalid-record"), Refused(7, "multiple-matches"), Refused(8, "invalid-record"),
            new(Item(9), ExportStatus.Failed, "fails full validation (bibliographic record):") { Reason = "fails validation" },
            ExportRunner.NotSent(Item(10), ExportStop.LogonRefused),
            ExportRunner.NotSent(Item(11), ExportStop.LogonRefused),
        ];

        var report = ExportSummary.Report(options, results).ToList();

        Assert.Equal("Export summary (alma.example.org:5500 (network)): 11 records", report[0]);
        Assert.Equal(
        [
            "       3 added",
            "       1 overlaid",
            "       1 unchanged",
            "       3 rejected   invalid-record 2, multiple-matches 1",
            "       1 failed     fails validation 1",
            "       2 not sent   the host refused the logon 2",
        ], report.Skip(1).Take(6));
        Assert.Contains("The export stopped at record #10 (the host refused the logon): 2 records not sent.", report);
        Assert.Contains("  #6 \"How to program a computer 6.\" (OCLC 63111006): rejected invalid-record — Import Failed. The record failed validation.", report);
        Assert.Contains("  #9 \"How to program a computer 9.\" (OCLC 63111009): failed fails validation — fails full validation (bibliographic record):", report);
        Assert.Contains("  #10-#11 (2 records): not sent: the host refused the logon", report);
        Assert.DoesNotContain(report, l => l.StartsWith("  #1 ", StringComparison.Ordinal));
        Assert.DoesNotContain(report, l => l.StartsWith("Hint:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_list_of_records_not_accepted_is_cut_with_a_count_of_the_rest()
    {
        var results = Enumerable.Range(1, 30).Select(i => Refused(i, "no-match")).ToList();

        var report = ExportSummary.Report(ExportOptions.Default with { Host = "h" }, results).ToList();

        Assert.Equal(ExportSummary.MaxListed, report.Count(l => l.StartsWith("  #", StringComparison.Ordinal)));
        Assert.Contains("  … and 10 records more", report);
    }

    [Fact]
    public async Task A_refused_logon_reads_in_the_summary_as_one_rejection_and_one_run_not_sent()
    {
        await using var host = new LogonRefusingReceiver();
        var options = ExportHarness.Options(host.Port);
        var results = await ExportHarness.ExportAsync(options, count: 10);

        var report = ExportSummary.Report(options, results).ToList();

        Assert.Contains("       1 rejected  logon-failed 1", report);
        Assert.Contains("       9 not sent  the host refused the logon 9", report);
        Assert.Contains("The export stopped at record #1 (the host refused the logon): 9 records not sent.", report);
        Assert.Contains($"  #1 \"How to program a computer 1.\" (OCLC 63111001): rejected logon-failed — {LogonRefusingReceiver.Refusal}", report);
        Assert.Contains("  #2-#10 (9 records): not sent: the host refused the logon", report);
        Assert.True(report.Count < 12, string.Join('\n', report));
    }

    [Fact]
    public async Task Without_notify_host_a_host_that_answers_only_after_an_idle_wait_gets_the_hint_once()
    {
        var clock = new ManualClock();
        await using var koha = new KohaStyleReceiver(TimeSpan.FromMilliseconds(100), clock);
        var options = ExportHarness.Options(koha.Port) with { NotifyHostBeforeDisconnect = false };
        var results = await ExportHarness.ExportAsync(options, count: 3, time: clock);

        Assert.All(results, r => Assert.True(r.Delivery!.AnsweredAfterIdleWait));
        var hints = ExportSummary.Report(options, results).Where(l => l.StartsWith("Hint:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Hint: " + ExportHints.IdleWait], hints);
    }

    [Fact]
    public async Task With_notify_host_the_same_host_answers_at_once_and_no_hint_is_given()
    {
        var clock = new ManualClock();
        await using var koha = new KohaStyleReceiver(TimeSpan.FromMilliseconds(100), clock);
        var options = ExportHarness.Options(koha.Port);
        var results = await ExportHarness.ExportAsync(options, count: 3, time: clock);

        Assert.All(results, r => Assert.False(r.Delivery!.AnsweredAfterIdleWait));
        Assert.DoesNotContain(ExportSummary.Report(options, results), l => l.StartsWith("Hint:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_permanent_connection_a_host_that_closes_after_each_reply_gets_the_hint_once()
    {
        await using var koha = new KohaStyleReceiver();
        var options = ExportHarness.Options(koha.Port) with { PermanentConnection = true };
        var results = await ExportHarness.ExportAsync(options, count: 4);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.Equal(4, koha.Connections);
        var hints = ExportSummary.Report(options, results).Where(l => l.StartsWith("Hint:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Hint: " + ExportHints.ClosesAfterReply], hints);
    }

    [Fact]
    public async Task With_permanent_connection_a_host_that_keeps_the_connection_gets_no_hint()
    {
        await using var folio = new FolioStyleReceiver();
        var options = ExportHarness.Options(folio.Port) with { PermanentConnection = true };
        var results = await ExportHarness.ExportAsync(options, count: 4);

        Assert.Equal(1, folio.Connections);
        Assert.DoesNotContain(ExportSummary.Report(options, results), l => l.StartsWith("Hint:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_logon_refused_while_a_user_id_was_sent_gets_the_user_id_hint_once()
    {
        await using var host = new LogonRefusingReceiver(onlyWithUserId: true);
        var options = ExportHarness.Options(host.Port) with { SendUserId = true, UserId = "100-123-456" };
        var results = await ExportHarness.ExportAsync(options, count: 5);

        Assert.Single(host.Requests);
        var hints = ExportSummary.Report(options, results).Where(l => l.StartsWith("Hint:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Hint: " + ExportHints.UserIdChecked], hints);
    }

    [Fact]
    public async Task The_host_reply_is_shown_whole_with_Koha_s_link_line()
    {
        await using var koha = new KohaStyleReceiver();
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(koha.Port), count: 1);

        var result = Assert.Single(results);
        Assert.Equal("#1 test record 1: accepted — Success.  Batch number 7 - biblio record number 42 added to Koha.", ExportSummary.Line(result));
        Assert.Equal(["    " + KohaStyleReceiver.Link], ExportSummary.Details(result));
    }

    [Fact]
    public void A_rejected_reply_is_listed_whole_under_the_record_with_its_warnings_unescaped()
    {
        var reply = HostReply.Parse(Encoding.ASCII.GetBytes(
            "Import Failed. The record failed validation.\r\n245: title is missing\r\nWarning: leader/09 \\u00E9\r\nstatus=error code=invalid-record\r\n"), GatewayReplyEnd.Nul);
        var result = new ExportRecordResult(Item(3), ExportStatus.Rejected, reply.HumanLine) { Reply = reply, Reason = "invalid-record" };

        var report = ExportSummary.Report(ExportOptions.Default with { Host = "h" }, [result]).ToList();

        var at = report.IndexOf("  #3 \"How to program a computer 3.\" (OCLC 63111003): rejected invalid-record — Import Failed. The record failed validation.");
        Assert.True(at > 0, string.Join('\n', report));
        Assert.Equal("      245: title is missing", report[at + 1]);
        Assert.Equal("      Warning: leader/09 é", report[at + 2]);
        Assert.DoesNotContain(report, l => l.Contains("status=error", StringComparison.Ordinal));
    }

    private static ExportItem Item(int number) => new(number, $"test record {number}", TestRecords.Bibliographic(number), []);

    private static ExportRecordResult Replied(int number, string action)
    {
        var reply = HostReply.Parse(Encoding.ASCII.GetBytes($"The record has been processed successfully.\r\nstatus=ok action={action} repository=N record={number:D6} warnings=0\r\n"), GatewayReplyEnd.Nul);
        return new ExportRecordResult(Item(number), ExportStatus.Accepted, reply.HumanLine) { Reply = reply };
    }

    private static ExportRecordResult Refused(int number, string code)
    {
        var reply = HostReply.Parse(Encoding.ASCII.GetBytes($"Import Failed. The record failed validation.\r\nstatus=error code={code}\r\n"), GatewayReplyEnd.Nul);
        return new ExportRecordResult(Item(number), ExportStatus.Rejected, reply.HumanLine) { Reply = reply, Reason = code };
    }
}
