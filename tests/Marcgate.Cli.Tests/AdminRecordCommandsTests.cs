using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli.Tests;

public sealed class AdminRecordCommandsTests
{
    private static byte[] Book(string oclc, string isbn, string title)
    {
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        record.Fields.Add(new DataField("020", ' ', ' ', [new('a', isbn)]));
        record.Fields.Add(new DataField("035", ' ', ' ', [new('a', oclc)]));
        record.Fields.Add(new DataField("245", '1', '0', [new('a', title)]));
        return Iso2709Writer.Write(record);
    }

    [Fact]
    public async Task Records_are_found_by_title_oclc_number_and_isbn()
    {
        using var cli = new AdminCli();
        var outcomes = await AdminRecordsTests.ImportAsync(cli, Book("(OCoLC)1", "0-316-76948-7 (pbk.)", "The Catcher in the Rye"), Book("(OCoLC)2", "9780804429573", "Franny and Zooey"));

        var title = await cli.RunAsync(["records", "search", "--repository", "NETWORK", "--title", "catcher in"]);
        var oclc = await cli.RunAsync("records search --repository NETWORK --oclc ocm2");
        var isbn = await cli.RunAsync("records search --repository NETWORK --isbn 9780316769488");
        var none = await cli.RunAsync("records search --repository NETWORK --title nothing");
        var nothing = await cli.RunAsync("records search --repository NETWORK");
        var unknown = await cli.RunAsync("records search --repository NOPE --title x");

        Assert.StartsWith($"{outcomes[0].RecordId}\tv1\toclc=1\t", title.Out, StringComparison.Ordinal);
        Assert.EndsWith("\tThe Catcher in the Rye\n", title.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith($"{outcomes[1].RecordId}\t", oclc.Out, StringComparison.Ordinal);
        Assert.StartsWith($"{outcomes[0].RecordId}\t", isbn.Out, StringComparison.Ordinal);
        Assert.Single(isbn.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, none.ExitCode);
        Assert.Empty(none.Out);
        Assert.Equal(ExitCodes.Usage, nothing.ExitCode);
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
    }

    [Theory]
    [InlineData("iso2709")]
    [InlineData("marcxml")]
    [InlineData("json")]
    [InlineData("mrk")]
    public async Task A_repository_is_exported_whole_to_a_file_that_reads_back(string format)
    {
        using var cli = new AdminCli();
        await AdminRecordsTests.ImportAsync(cli, Book("(OCoLC)1", "0316769487", "One"), Book("(OCoLC)2", "080442957X", "Two"));
        var file = Path.Combine(cli.DataDirectory, "export." + format);

        var export = await cli.RunAsync(["records", "export", "--repository", "NETWORK", "--format", format, "-o", file]);

        Assert.Equal(0, export.ExitCode);
        Assert.Contains("Exported 2 records of NETWORK.", export.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cli.DataDirectory, "*.tmp"));
        MarcFormats.TryParse(format, out var marcFormat);
        using var reader = MarcFormats.OpenReader(File.OpenRead(file), marcFormat, MarcReaderOptions.Default, out _);
        var titles = new List<string?>();
        while (reader.Read() is { Record: { } record })
        {
            titles.Add(record.GetDataFields("245").Single()['a']);
        }

        Assert.Equal(["One", "Two"], titles);
    }

    [Fact]
    public async Task A_failed_export_leaves_no_file()
    {
        using var cli = new AdminCli();
        await AdminRecordsTests.ImportAsync(cli, Book("(OCoLC)1", "0316769487", "One"));
        var file = Path.Combine(cli.DataDirectory, "export.mrc");

        var unknown = await cli.RunAsync(["records", "export", "--repository", "NOPE", "-o", file]);
        var noDirectory = await cli.RunAsync(["records", "export", "--repository", "NETWORK", "-o", Path.Combine(cli.DataDirectory, "missing", "export.mrc")]);

        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Equal(ExitCodes.Usage, noDirectory.ExitCode);
        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFiles(cli.DataDirectory, "*.tmp"));
    }

    [Fact]
    public async Task A_record_is_reverted_as_a_new_version_and_versions_are_compared()
    {
        using var cli = new AdminCli();
        var outcomes = await AdminRecordsTests.ImportAsync(cli, Book("(OCoLC)5", "0316769487", "Original"), Book("(OCoLC)5", "0316769487", "Mistake"));
        var id = outcomes[0].RecordId;

        var diff = await cli.RunAsync("records diff --repository NETWORK --oclc 5 --from 1 --to 2");
        var context = await cli.RunAsync($"records diff --repository NETWORK --id {id} --from 1 --to 2 --context");
        var revert = await cli.RunAsync("records revert --repository NETWORK --oclc 5 --to-version 1 --by jsmith");
        var same = await cli.RunAsync("records diff --repository NETWORK --oclc 5 --from 1 --to 3");
        var history = await cli.RunAsync("records history --repository NETWORK --oclc 5");
        var missing = await cli.RunAsync("records revert --repository NETWORK --oclc 5 --to-version 9");

        Assert.Equal(["- 245 10 $aOriginal", "+ 245 10 $aMistake"], diff.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("  035 ## $a(OCoLC)5", context.Out, StringComparison.Ordinal);
        Assert.StartsWith("  LDR ", context.Out, StringComparison.Ordinal);
        Assert.Equal(0, revert.ExitCode);
        Assert.Equal($"Created version 3 of record {id}, equal to version 1.", revert.Out.Trim());
        Assert.Empty(same.Out);
        Assert.Contains("have the same fields", same.Error, StringComparison.Ordinal);
        var lines = history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\tv3\t", lines[2], StringComparison.Ordinal);
        Assert.Contains("\tlogon=-\tuser=jsmith\t", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("\tOriginal", lines[2].TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("has versions 1 to 3, not 9", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_items_are_shown_and_resolved_with_who_did_it()
    {
        using var cli = new AdminCli();
        var outcomes = await AdminRecordsTests.ImportAsync(
            cli,
            AdminRecordsTests.Record("(OCoLC)1", null, "One"),
            AdminRecordsTests.Record("(OCoLC)2", null, "Two"),
            AdminRecordsTests.Record("(OCoLC)1", "2", "Both"),
            AdminRecordsTests.Record("(OCoLC)2", "1", "Again"),
            AdminRecordsTests.Record("(OCoLC)1", "2", "Third"));
        var items = (await cli.RunAsync("review list")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).ToArray();
        Assert.Equal(3, items.Length);

        var show = await cli.RunAsync($"review show {items[0]}");
        var neither = await cli.RunAsync($"review resolve {items[0]}");
        var two = await cli.RunAsync($"review resolve {items[0]} --discard --add-as-new");
        var overlay = await cli.RunAsync($"review resolve {items[0]} --overlay {outcomes[0].RecordId} --by jsmith");
        var again = await cli.RunAsync($"review resolve {items[0]} --discard");
        var added = await cli.RunAsync($"review resolve {items[1]} --add-as-new --by jsmith");
        var discarded = await cli.RunAsync($"review resolve {items[2]} --discard");
        var resolved = await cli.RunAsync($"review show {items[0]}");
        var missing = await cli.RunAsync("review show 999");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"item: {items[0]}", show.Out, StringComparison.Ordinal);
        Assert.Contains("resolved: no", show.Out, StringComparison.Ordinal);
        Assert.Contains($"matched: {outcomes[0].RecordId}\tv1\toclc=1\tOne", show.Out, StringComparison.Ordinal);
        Assert.Contains("=245  10$aBoth", show.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, neither.ExitCode);
        Assert.Equal(ExitCodes.Usage, two.ExitCode);
        Assert.Equal(0, overlay.ExitCode);
        Assert.StartsWith($"Review item {items[0]} overlaid record {outcomes[0].RecordId} (now version 2) by jsmith.", overlay.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("already resolved by jsmith", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added as record", added.Out, StringComparison.Ordinal);
        Assert.Equal(0, discarded.ExitCode);
        Assert.Contains($"discarded by {Environment.UserName}", discarded.Out, StringComparison.Ordinal);
        Assert.Contains($"resolved: overlaid record {outcomes[0].RecordId} by jsmith at ", resolved.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Empty((await cli.RunAsync("review list")).Out);
        Assert.Equal("3", (await cli.RunAsync("records count --repository NETWORK")).Out.Trim());
    }
}
