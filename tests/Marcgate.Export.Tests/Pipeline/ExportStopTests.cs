using Marcgate.Export.Gateway;
using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;

namespace Marcgate.Export.Tests.Pipeline;

public sealed class ExportStopTests
{
    [Fact]
    public async Task A_refused_logon_on_the_first_record_stops_the_export_after_one_request()
    {
        // gateway §7 step 1: every further refused logon would count toward locking the account out.
        await using var host = new LogonRefusingReceiver();
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(host.Port) with { PermanentConnection = true }, count: 10);

        Assert.Single(host.Requests);
        Assert.Equal(ExportStatus.Rejected, results[0].Status);
        Assert.Equal("logon-failed", results[0].Reason);
        Assert.Same(ExportStop.LogonRefused, results[0].Delivery!.Stop);
        Assert.Equal(9, results.Count(r => r.Status == ExportStatus.NotSent));
        Assert.All(results.Skip(1), r => Assert.Equal("not sent: the host refused the logon", r.Message));
        Assert.All(results.Skip(1), r => Assert.Equal("the host refused the logon", r.Reason));
    }

    [Fact]
    public async Task A_locked_out_logon_stops_the_export_with_its_own_reason()
    {
        await using var host = new LogonRefusingReceiver(code: "locked-out");
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(host.Port), count: 4);

        Assert.Single(host.Requests);
        Assert.Equal(1, host.Connections);
        Assert.All(results.Skip(1), r => Assert.Equal("not sent: the host locked the logon out", r.Message));
    }

    [Fact]
    public async Task A_host_whose_disk_is_full_stops_the_export_and_the_rest_is_not_sent()
    {
        // gateway §4 storage-full: every further record would be refused the same way until the host's space is freed.
        await using var host = new LogonRefusingReceiver(code: "storage-full");
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(host.Port), count: 5);

        Assert.Single(host.Requests);
        Assert.Equal(ExportStatus.Rejected, results[0].Status);
        Assert.Equal("storage-full", results[0].Reason);
        Assert.Same(ExportStop.HostStorageFull, results[0].Delivery!.Stop);
        Assert.All(results.Skip(1), r => Assert.Equal(ExportStatus.NotSent, r.Status));
        Assert.All(results.Skip(1), r => Assert.Equal("not sent: the host's disk is full", r.Message));
    }

    [Fact]
    public async Task A_host_that_cannot_be_reached_is_tried_retries_plus_one_times_for_the_first_record_only()
    {
        await using var down = new AcceptingAfterRefusalsReceiver();
        var text = new StringWriter();
        var failedAttempts = 0;
        IReadOnlyList<ExportRecordResult> results;
        using (var trace = new GatewayTrace(text))
        {
            var options = ExportHarness.Options(down.Port) with { Retries = 3, Delay = TimeSpan.Zero };
            results = await ExportHarness.ExportAsync(options, count: 10, trace, d => d.AttemptFailed += (_, _) => failedAttempts++);
        }

        Assert.Equal(4, failedAttempts);
        Assert.Equal(4, text.ToString().Split('\n').Count(l => l.Contains($" -- connect 127.0.0.1:{down.Port}", StringComparison.Ordinal)));
        Assert.Equal(4, results[0].Attempts);
        Assert.All(results, r => Assert.Equal(ExportStatus.NotSent, r.Status));
        Assert.All(results, r => Assert.Equal("the host cannot be reached", r.Reason));
        Assert.StartsWith($"not sent: the host cannot be reached: cannot connect to 127.0.0.1:{down.Port}: connection refused (4 attempts)", results[0].Message, StringComparison.Ordinal);
        Assert.All(results.Skip(1), r => Assert.Equal(0, r.Attempts));
        Assert.Equal(0, down.Connections);
    }

    [Fact]
    public async Task Rejected_records_that_are_not_logon_refusals_do_not_stop_the_export()
    {
        await using var host = new LogonRefusingReceiver(onlyWithUserId: true);
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(host.Port), count: 3);

        Assert.All(results, r => Assert.Equal(ExportStatus.Accepted, r.Status));
        Assert.Equal(3, host.Requests.Count);
    }

    [Fact]
    public async Task A_host_that_never_replies_does_not_stop_the_export()
    {
        // The host may still be working on the record (gateway §6 Timeout): it was reached, so the next record is sent.
        await using var silent = new SilentReceiver();
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(silent.Port) with { Timeout = TimeSpan.FromSeconds(2) }, count: 2);

        Assert.All(results, r => Assert.Equal(ExportStatus.Failed, r.Status));
        Assert.All(results, r => Assert.Equal("no reply within the timeout", r.Reason));
        Assert.Equal(2, silent.Connections);
    }
}
