using System.Globalization;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli.Tests;

public sealed class ExportStopCommandTests : IDisposable
{
    private readonly ExportCliRunner _cli = new();

    public ExportStopCommandTests()
    {
        _cli.Environment["EXPORT_TEST_PW"] = "stop-test-secret";
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_refused_logon_on_record_1_of_10_sends_one_request_and_exits_3()
    {
        await using var host = new ExportTestHost(_ => ExportTestHost.LogonRefusal);
        var file = WriteRecords("ten.mrc", 10);

        var (exit, output, _) = _cli.Run([.. Connection(host.Port), file]);

        Assert.Equal(3, exit);
        Assert.Single(host.Requests);
        Assert.Contains("#1 ten.mrc record 1: rejected code=logon-failed — Import Failed. Logon failed--the logon ID and/or password is not valid.", output, StringComparison.Ordinal);
        Assert.Equal(9, Lines(output).Count(l => l.EndsWith(": not sent — not sent: the host refused the logon", StringComparison.Ordinal)));
        Assert.Contains("       9 not sent  the host refused the logon 9", output, StringComparison.Ordinal);
        Assert.Contains("The export stopped at record #1 (the host refused the logon): 9 records not sent.", output, StringComparison.Ordinal);
        Assert.Contains("  #2-#10 (9 records): not sent: the host refused the logon", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_is_down_is_tried_retries_plus_one_times_then_every_record_is_listed_not_sent()
    {
        var port = ServeProcess.FreePort();
        var file = WriteRecords("down.mrc", 10);
        var trace = Path.Combine(_cli.Directory, "trace.txt");

        var (exit, output, _) = _cli.Run([.. Connection(port), "--retries", "2", "--delay", "0", "--trace", trace, file]);

        Assert.Equal(3, exit);
        Assert.Equal(3, File.ReadAllLines(trace).Count(l => l.Contains($" -- connect 127.0.0.1:{port}", StringComparison.Ordinal)));
        for (var i = 1; i <= 10; i++)
        {
            Assert.Contains(Lines(output), l => l.StartsWith($"#{i} down.mrc record {i}: not sent", StringComparison.Ordinal)
                && l.Contains(" — not sent: the host cannot be reached", StringComparison.Ordinal));
        }

        Assert.Contains($"#1 down.mrc record 1: not sent attempts=3 — not sent: the host cannot be reached: cannot connect to 127.0.0.1:{port}: connection refused (3 attempts)", output, StringComparison.Ordinal);
        Assert.Contains("      10 not sent  the host cannot be reached 10", output, StringComparison.Ordinal);
        Assert.Contains("The export stopped at record #1 (the host cannot be reached): 10 records not sent.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_counts_records_by_outcome_and_reason_and_lists_the_rejected_ones()
    {
        await using var host = new ExportTestHost();
        var file = WriteRecords("mixed.mrc", 5, rejected: [2, 4]);

        var (exit, output, _) = _cli.Run([.. Connection(host.Port), file]);

        Assert.Equal(1, exit);
        var summary = Lines(output).SkipWhile(l => !l.StartsWith("Export summary", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        Assert.Equal(
        [
            $"Export summary (127.0.0.1:{host.Port}): 5 records",
            "       3 added",
            "       2 rejected  invalid-record 2",
            "Not accepted:",
            "  #2 \"Record 2 REJECT.\" (OCLC 63110002): rejected invalid-record — Import Failed. The record is not valid: 245 REJECT.",
            "  #4 \"Record 4 REJECT.\" (OCLC 63110004): rejected invalid-record — Import Failed. The record is not valid: 245 REJECT.",
        ], summary);
    }

    [Fact]
    public void An_empty_file_exits_2_and_is_refused_as_not_marc()
    {
        var empty = Path.Combine(_cli.Directory, "empty.mrc");
        File.WriteAllBytes(empty, []);

        var (exit, output, error) = _cli.Run([.. Connection(ServeProcess.FreePort()), empty]);

        Assert.Equal(2, exit);
        Assert.Contains($"marcgate export: {empty}: not MARC: it is empty", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task The_whole_reply_is_shown_under_the_record_line()
    {
        const string Link = "http://koha.example.org/cgi-bin/koha/catalogue/detail.pl?biblionumber=42";
        await using var host = new ExportTestHost(_ => $"Success.  Batch number 7 - biblio record number 42 added to Koha.\n\n{Link}\0");
        var file = WriteRecords("koha.mrc", 1);

        var (exit, output, _) = _cli.Run([.. Connection(host.Port), file]);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        var at = Array.IndexOf(lines, "#1 koha.mrc record 1: accepted — Success.  Batch number 7 - biblio record number 42 added to Koha.");
        Assert.True(at >= 0, output);
        Assert.Equal("    " + Link, lines[at + 1]);
    }

    [Fact]
    public async Task With_permanent_connection_a_host_that_closes_after_each_reply_gets_one_hint()
    {
        await using var host = new ExportTestHost();
        var file = WriteRecords("kept.mrc", 4);

        var (exit, output, _) = _cli.Run([.. Connection(host.Port), "--permanent-connection", file]);

        Assert.Equal(0, exit);
        Assert.Equal(4, host.Requests.Count);
        var hint = Assert.Single(Lines(output), l => l.StartsWith("Hint:", StringComparison.Ordinal));
        Assert.Contains("Permanent Connection gains nothing with this host", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_logon_refused_while_a_user_id_was_sent_gets_one_hint_about_the_user_id()
    {
        await using var host = new ExportTestHost(request => request.StartsWith('U') ? ExportTestHost.LogonRefusal : null);
        var file = WriteRecords("user.mrc", 3);

        var (exit, output, _) = _cli.Run([.. Connection(host.Port), "--send-user-id", "--user-id", "100-123-456", file]);

        Assert.Equal(3, exit);
        Assert.Single(host.Requests);
        var hint = Assert.Single(Lines(output), l => l.StartsWith("Hint:", StringComparison.Ordinal));
        Assert.Contains("some hosts (Koha) check the user ID instead of the logon ID", hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_user_id_a_refused_logon_gets_no_user_id_hint()
    {
        await using var host = new ExportTestHost(_ => ExportTestHost.LogonRefusal);
        var file = WriteRecords("nouser.mrc", 2);

        var (exit, output, _) = _cli.Run([.. Connection(host.Port), file]);

        Assert.Equal(3, exit);
        Assert.DoesNotContain(Lines(output), l => l.StartsWith("Hint:", StringComparison.Ordinal));
    }

    private static string[] Connection(int port) =>
        ["export", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--logon-id", "01CARLI_NETWORK",
         "--password-env", "EXPORT_TEST_PW", "--validate-bib", "none", "--timeout", "20"];

    private static string[] Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    // A port nothing listens on: bound, then released.
    private string WriteRecords(string name, int count, int[]? rejected = null)
    {
        var path = Path.Combine(_cli.Directory, name);
        var records = Enumerable.Range(1, count).Select(i => Record(i, rejected?.Contains(i) == true ? $"Record {i} REJECT" : $"Record {i}"));
        File.WriteAllBytes(path, [.. records.SelectMany(Iso2709Writer.Write)]);
        return path;
    }

    private static MarcRecord Record(int number, string title) => new(new Leader("00000nam a2200000 a 4500"),
    [
        new ControlField("001", $"ocm6311{number:D4}"),
        new ControlField("003", "OCoLC"),
        new ControlField("008", "240101s2024    ilu           000 0 eng d"),
        new DataField("245", '1', '0', [new Subfield('a', title + ".")]),
    ]);
}
