using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Cli.Tests;

/// <summary><c>marcgate bench soak</c>: the steady mixed load of the soak run, against a real host and against one that answers wrongly.</summary>
public sealed partial class BenchSoakCommandTests : IAsyncLifetime
{
    private readonly ExportCliRunner _cli = new();
    private readonly string _data = Directory.CreateTempSubdirectory("marcgate-soak-").FullName;
    private readonly List<string> _hostLog = [];
    private int _port;
    private Process? _host;

    public async Task InitializeAsync()
    {
        await using (var store = await SqliteCatalogStore.OpenAsync(_data))
        {
            await store.AddRepositoryAsync("SOAK", DateTimeOffset.UtcNow, default);
            await store.SaveAccountAsync(new Account("BENCH", "SOAK", ImportOptions.DefaultProfileName, PasswordHasher.Hash("bench")), default);
            await store.SaveAccountAsync(new Account("INTRUDER", "SOAK", ImportOptions.DefaultProfileName, PasswordHasher.Hash("a secret the bad logons never send")), default);
        }

        _port = ServeProcess.FreePort();
        _host = await ServeProcess.StartAsync(["serve", "--data", _data, "--listen", $"127.0.0.1:{_port}", "--no-web"], _hostLog);
    }

    public Task DisposeAsync()
    {
        ServeProcess.Stop(_host);
        _cli.Dispose();
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Against_a_real_host_every_kind_gets_the_reply_it_is_owed_and_the_catalog_holds_each_added_record()
    {
        var (exit, output, error) = _cli.Run(
            "bench", "soak", "--host", $"127.0.0.1:{_port}", "--minutes", "0.1", "--sample-seconds", "1.5", "--rate", "100", "--connections", "4",
            "--host-pid", _host!.Id.ToString(CultureInfo.InvariantCulture), "--catalog-file", Path.Combine(_data, "marcgate.db"),
            "--logon-id", "BENCH", "--password", "bench", "--bad-logon-id", "INTRUDER",
            "--max-rss-slope", "10000", "--max-descriptor-spread", "10000");

        Assert.True(exit == 0, output + error);
        var summary = Summary().Match(output);
        Assert.True(summary.Success, output);
        int Count(string outcome) => int.Parse(summary.Groups[outcome].Value, CultureInfo.InvariantCulture);
        Assert.All(new[] { "added", "unchanged", "overlaid", "badrecord" }, o => Assert.True(Count(o) > 0, $"no {o} in:\n{output}"));
        Assert.True(Count("logonfailed") + Count("lockedout") > 0, output);
        Assert.Equal(0, Count("unexpected"));

        // The row before the load and four after it, each with the host's RSS, anonymous RSS, threads and descriptors read from /proc.
        var rows = output.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| min", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"\| [0-9.]+ \| [0-9.]+ \| [0-9]+ \| [0-9]+ \| [0-9.]+ \|$", r));
        Assert.Contains("- unexpected replies: 0: pass", output, StringComparison.Ordinal);
        Assert.Contains("- verdict: PASS", output, StringComparison.Ordinal);

        // Every record the host said it added is in the catalog, and no broken record or bad logon added one.
        var (countExit, count, countError) = _cli.Run("records", "count", "--repository", "SOAK", "--data", _data);
        Assert.True(countExit == 0, countError);
        Assert.Equal(Count("added").ToString(CultureInfo.InvariantCulture), count.Trim().Split(' ', '\t')[0]);
    }

    [Fact]
    public async Task A_reply_other_than_the_one_owed_is_counted_and_fails_the_verdict()
    {
        // This host adds every record, broken or not.
        await using var wrong = new ExportTestHost();

        var (exit, output, _) = _cli.Run(
            "bench", "soak", "--host", $"127.0.0.1:{wrong.Port}", "--minutes", "0.1", "--sample-seconds", "1.5", "--rate", "50",
            "--mix", "new=1,bad-record=1", "--max-rss-slope", "10000", "--max-descriptor-spread", "10000");

        Assert.Equal(ExitCodes.RecordErrors, exit);
        Assert.Matches(@"unexpected: [0-9]+ x bad-record got ""status=ok action=added""", output);
        Assert.Contains("- verdict: FAIL", output, StringComparison.Ordinal);
        Assert.Contains("- open descriptors: not measured (give --host-pid): FAIL", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mix", "new=5,resend=1", "'resend' is not a kind of request")]
    [InlineData("--mix", "new=0", "no kind has a share above 0")]
    [InlineData("--mix", "new=x", "the share of new must be a whole number")]
    [InlineData("--bad-logon-id", "BENCH", "--bad-logon-id must differ from --logon-id")]
    [InlineData("--sample-seconds", "90", "long enough for 4 samples")]
    public void A_bad_option_is_a_usage_error_that_says_which(string option, string value, string message)
    {
        var (exit, _, error) = _cli.Run("bench", "soak", "--host", $"127.0.0.1:{_port}", "--minutes", "4", option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_logons_need_an_IPv4_loopback_host_to_come_from_other_addresses()
    {
        var (exit, _, error) = _cli.Run("bench", "soak", "--host", $"[::1]:{_port}", "--minutes", "4");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--host must be an IPv4 loopback address", error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<added>[0-9]+) added, (?<unchanged>[0-9]+) unchanged, (?<overlaid>[0-9]+) overlaid, (?<badrecord>[0-9]+) bad-record, (?<logonfailed>[0-9]+) logon-failed, (?<lockedout>[0-9]+) locked-out, (?<unexpected>[0-9]+) unexpected\.")]
    private static partial Regex Summary();
}
