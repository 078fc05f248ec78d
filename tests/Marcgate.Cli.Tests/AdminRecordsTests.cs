using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Sqlite;
using Marcgate.Tests;
using Marcgate.Validation;

namespace Marcgate.Cli.Tests;

public sealed class AdminRecordsTests
{
    private const string Password = "Pa55-word";

    [Fact]
    public async Task Records_are_counted_listed_shown_in_three_formats_and_their_history_listed()
    {
        using var cli = new AdminCli();
        var bytes = File.ReadAllBytes(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc"));
        var changed = Iso2709RecordParser.Parse(bytes, MarcReaderOptions.Default, 1, 0, [])!;
        var title = changed.GetDataFields("245").Single();
        title.Subfields[0] = new Subfield('a', "Corrected title /");
        var outcomes = await ImportAsync(cli, bytes, Iso2709Writer.Write(changed));
        var id = outcomes[0].RecordId!;

        var count = await cli.RunAsync("records count --repository NETWORK");
        var list = await cli.RunAsync("records list --repository NETWORK");
        var mrk = await cli.RunAsync("records show --repository NETWORK --oclc ocm63111280");
        var xml = await cli.RunAsync($"records show --repository NETWORK --id {id} --format marcxml");
        var iso = await cli.RunAsync($"records show --repository NETWORK --id {id} --format iso2709 --version 1");
        var history = await cli.RunAsync("records history --repository NETWORK --oclc 63111280");

        Assert.Equal("1", count.Out.Trim());
        Assert.StartsWith($"{id}\tv2\toclc=63111280\t", list.Out, StringComparison.Ordinal);
        Assert.EndsWith("\tCorrected title\n", list.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("=245  ", mrk.Out, StringComparison.Ordinal);
        Assert.Contains("$aCorrected title /", mrk.Out, StringComparison.Ordinal);
        Assert.Contains("<record", xml.Out, StringComparison.Ordinal);
        Assert.Contains("Corrected title /", xml.Out, StringComparison.Ordinal);
        var version1 = Iso2709RecordParser.Parse(System.Text.Encoding.UTF8.GetBytes(iso.Out), MarcReaderOptions.Default, 1, 0, [])!;
        Assert.NotEqual("Corrected title /", version1.GetDataFields("245").Single()['a']);
        var lines = history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\tv1\t", lines[0], StringComparison.Ordinal);
        Assert.Contains("\tadded\tlogon=01CARLI_NETWORK\tuser=100-123-456\t", lines[0], StringComparison.Ordinal);
        Assert.Contains("\tv2\t", lines[1], StringComparison.Ordinal);
        Assert.Contains("\toverlaid\t", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_repositories_and_records_and_bad_selectors_are_reported()
    {
        using var cli = new AdminCli();
        await ImportAsync(cli);

        var noRepository = await cli.RunAsync("records count --repository NOPE");
        var noRecord = await cli.RunAsync("records show --repository NETWORK --oclc 999");
        var noId = await cli.RunAsync("records history --repository NETWORK --id 000777");
        var both = await cli.RunAsync("records show --repository NETWORK --oclc 1 --id 1");
        var neither = await cli.RunAsync("records show --repository NETWORK");
        var garbage = await cli.RunAsync("records show --repository NETWORK --oclc abc");
        var badFormat = await cli.RunAsync("records show --repository NETWORK --oclc 1 --format pdf");

        Assert.Equal(ExitCodes.Usage, noRepository.ExitCode);
        Assert.Contains("Repository 'NOPE' does not exist", noRepository.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noRecord.ExitCode);
        Assert.Contains("no record with OCLC number 999", noRecord.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noId.ExitCode);
        Assert.Contains("has no record 000777", noId.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Equal(ExitCodes.Usage, neither.ExitCode);
        Assert.Equal(ExitCodes.Usage, garbage.ExitCode);
        Assert.Equal(ExitCodes.Usage, badFormat.ExitCode);
    }

    [Fact]
    public async Task Review_lists_multiple_matches_and_receipts_show_the_last_outcomes_without_passwords()
    {
        using var cli = new AdminCli();
        var one = Record("(OCoLC)1", null, "One");
        var two = Record("(OCoLC)2", null, "Two");
        var both = Record("(OCoLC)1", "2", "Both");
        var outcomes = await ImportAsync(cli, one, two, both);

        var review = await cli.RunAsync("review list");
        var receipts = await cli.RunAsync("receipts --last 2");

        Assert.Equal(GatewayReplyCodes.MultipleMatches, outcomes[2].Code);
        var item = Assert.Single(review.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"\tmatches={outcomes[0].RecordId},{outcomes[1].RecordId}\tBoth\tMultiple matches--", item, StringComparison.Ordinal);
        Assert.Contains("\toclc=1\tmatches=", item, StringComparison.Ordinal);
        var lines = receipts.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\tstatus=ok action=added\trepository=NETWORK\t", lines[0], StringComparison.Ordinal);
        Assert.Contains("\tstatus=error code=multiple-matches\t", lines[1], StringComparison.Ordinal);
        Assert.Contains("peer=192.0.2.10\tlogon=01CARLI_NETWORK\tuser=100-123-456", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(Password, receipts.Out, StringComparison.Ordinal);
    }

    internal static byte[] Record(string oclc, string? cancelled, string title)
    {
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"));
        if (cancelled is not null)
        {
            record.Fields.Add(new DataField("019", ' ', ' ', [new('a', cancelled)]));
        }

        record.Fields.Add(new DataField("035", ' ', ' ', [new('a', oclc)]));
        record.Fields.Add(new DataField("245", '1', '0', [new('a', title)]));
        return Iso2709Writer.Write(record);
    }

    /// <summary>Sets up NETWORK and a logon through the CLI, then sends the records through the import pipeline.</summary>
    internal static async Task<ImportOutcome[]> ImportAsync(AdminCli cli, params byte[][] records)
    {
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("accounts add --logon-id 01CARLI_NETWORK --repository NETWORK --password-stdin", Password + "\n")).ExitCode);
        await using var store = await SqliteCatalogStore.OpenAsync(cli.DataDirectory);
        await store.SaveProfileAsync(new ImportProfile("default") { ValidationLevel = ValidationLevel.None }, default);
        var service = new GatewayImportService(store, MarcValidator.Instance);
        var outcomes = new List<ImportOutcome>();
        foreach (var record in records)
        {
            outcomes.Add(await service.ImportAsync(new ImportRequest("01CARLI_NETWORK", Password, "100-123-456", "192.0.2.10", service.Read(record)), default));
        }

        return [.. outcomes];
    }
}
