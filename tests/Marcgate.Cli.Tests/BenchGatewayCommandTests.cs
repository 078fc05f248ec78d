using System.Text;

namespace Marcgate.Cli.Tests;

/// <summary><c>marcgate bench gateway</c>: the load generator of the host's targets, run as a process against a loopback host.</summary>
public sealed class BenchGatewayCommandTests : IDisposable
{
    private readonly ExportCliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sends_the_warm_up_then_the_measured_records_each_new_and_reports_only_the_measured_ones()
    {
        await using var host = new ExportTestHost();

        var (exit, output, error) = _cli.Run(
            "bench", "gateway", "--host", $"127.0.0.1:{host.Port}", "--connections", "3", "--records", "12", "--warmup", "4",
            "--first-oclc", "81000000", "--logon-id", "BENCH", "--password", "bench");

        Assert.True(exit == 0, output + error);
        Assert.Contains("warm-up: 4 records", output, StringComparison.Ordinal);
        Assert.Contains("12 records, 3 connections:", output, StringComparison.Ordinal);
        Assert.Matches(@"latency: p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms", output);
        Assert.Matches(@"\s12  status=ok action=added", output);

        // One request per connection (gateway §6 "Individual"), logon fields first, each record with the next OCLC number.
        var requests = host.Requests.Select(r => Encoding.Latin1.GetString(r)).ToList();
        Assert.Equal(16, requests.Count);
        Assert.All(requests, r => Assert.StartsWith("AEBENCHPEbench", r, StringComparison.Ordinal));
        var numbers = requests.Select(r => r.Substring(r.IndexOf("ocm", StringComparison.Ordinal) + 3, 8)).Order().ToList();
        Assert.Equal(Enumerable.Range(81000000, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), numbers);
    }

    [Fact]
    public void A_negative_warm_up_is_a_usage_error()
    {
        var (exit, _, error) = _cli.Run("bench", "gateway", "--records", "1", "--warmup", "-1");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--warmup at least 0", error, StringComparison.Ordinal);
    }
}
