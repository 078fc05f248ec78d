using System.Text;
using Marcgate.Export.Gateway;
using Marcgate.Export.Pipeline;
using Marcgate.Export.Tests.Doubles;

namespace Marcgate.Export.Tests.Interop;

public sealed class FailureInteropTests
{
    [Fact]
    public async Task A_host_that_never_replies_fails_the_record_at_the_timeout_without_retrying()
    {
        // gateway §6 Timeout; Retries cover lost connections, not a host still at work.
        await using var silent = new SilentReceiver();
        var options = ExportHarness.Options(silent.Port) with { Timeout = TimeSpan.FromSeconds(2), Retries = 2 };
        var results = await ExportHarness.ExportAsync(options, count: 2);

        Assert.All(results, r => Assert.Equal(ExportStatus.Failed, r.Status));
        Assert.All(results, r => Assert.StartsWith($"no reply from 127.0.0.1:{silent.Port} within the timeout of 2 s", r.Message, StringComparison.Ordinal));
        Assert.All(results, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(2, silent.Connections);
    }

    [Fact]
    public async Task Refused_twice_then_accepted_within_the_retries()
    {
        await using var host = new AcceptingAfterRefusalsReceiver();
        var failures = new List<string>();
        var options = ExportHarness.Options(host.Port) with { Retries = 3, Delay = TimeSpan.FromMilliseconds(50) };
        var results = await ExportHarness.ExportAsync(options, count: 1, configure: d => d.AttemptFailed += (attempt, reason) =>
        {
            failures.Add(reason);
            if (attempt == 2)
            {
                host.Start();
            }
        });

        var result = Assert.Single(results);
        Assert.Equal(ExportStatus.Accepted, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal($"cannot connect to 127.0.0.1:{host.Port}: connection refused", f));
        Assert.Equal(["attempt 1 failed: " + failures[0], "attempt 2 failed: " + failures[1]], result.Reasons);
        Assert.Single(host.Requests);
    }

    [Fact]
    public async Task Refused_more_often_than_the_retries_allow_fails_with_the_reason()
    {
        await using var host = new AcceptingAfterRefusalsReceiver();
        var options = ExportHarness.Options(host.Port) with { Retries = 1, Delay = TimeSpan.FromMilliseconds(10) };
        var results = await ExportHarness.ExportAsync(options, count: 1);

        var result = Assert.Single(results);
        Assert.Equal(ExportStatus.NotSent, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal($"not sent: the host cannot be reached: cannot connect to 127.0.0.1:{host.Port}: connection refused (2 attempts)", result.Message);
    }

    [Fact]
    public async Task A_host_that_closes_mid_reply_is_retried_and_the_second_reply_counts()
    {
        await using var host = new MidReplyClosingReceiver(cutConnections: 1);
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(host.Port) with { Retries = 1 }, count: 1);

        var result = Assert.Single(results);
        Assert.Equal(ExportStatus.Accepted, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("added", result.Reply!.Action);
        Assert.Equal("000001", result.Reply.RecordId);
        Assert.Contains("closed in the middle of the host's reply", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_cut_short_without_retries_fails_the_record()
    {
        await using var host = new MidReplyClosingReceiver(cutConnections: 5);
        var results = await ExportHarness.ExportAsync(ExportHarness.Options(host.Port), count: 1);

        var result = Assert.Single(results);
        Assert.Equal(ExportStatus.Failed, result.Status);
        Assert.Equal($"the TCP/IP connection to 127.0.0.1:{host.Port} was closed in the middle of the host's reply (\"The record has been processed successful\") (1 attempt)", result.Message);
    }

    [Fact]
    public async Task Trace_holds_the_bytes_with_the_password_masked()
    {
        await using var folio = new FolioStyleReceiver();
        var text = new StringWriter();
        using (var trace = new GatewayTrace(text))
        {
            await ExportHarness.ExportAsync(ExportHarness.Options(folio.Port), count: 2, trace);
        }

        var transcript = text.ToString();
        Assert.DoesNotContain(ExportHarness.Password, transcript, StringComparison.Ordinal);
        Assert.Contains("C> AO01CARLI_NETWORKP*****00", transcript, StringComparison.Ordinal);
        Assert.Contains("<1D><00>", transcript, StringComparison.Ordinal);
        Assert.Contains("S> Import ok<0A><00>", transcript, StringComparison.Ordinal);
        Assert.Equal(2, transcript.Split('\n').Count(l => l.Contains(" -- connect ", StringComparison.Ordinal)));
        Assert.Equal(ExportHarness.Password, Encoding.UTF8.GetString([.. folio.Requests.First().Password!.Select(c => (byte)c)]));
    }
}
