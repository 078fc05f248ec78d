using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;
using Marcgate.Tests;
using Marcgate.Validation;

namespace Marcgate.Cli.Tests;

public sealed class ImportCommandTests
{
    private const string Password = "Pa55-word";

    private static string Camel => TestFiles.Marc("valid/camel.usmarc");

    // Eight records with OCLC numbers in 001 and 035.
    private static string Sample => TestFiles.Marc("valid/sample1.mrc");

    [Fact]
    public async Task A_corpus_file_is_added_then_unchanged_when_imported_again()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);

        var first = await cli.RunAsync(["import", Camel, "--repository", "NETWORK"]);
        var second = await cli.RunAsync(["import", Camel, "--repository", "NETWORK"]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("added 10, overlaid 0, unchanged 0, rejected 0", first.Out.Trim());
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal("added 0, overlaid 0, unchanged 10, rejected 0", second.Out.Trim());
        await using var store = await SqliteCatalogStore.OpenAsync(cli.DataDirectory);
        Assert.Equal(10, await store.CountRecordsAsync("NETWORK", default));
        Assert.All(await store.ListRecordsAsync("NETWORK", null, 100, default), r => Assert.Equal(1, r.Version));
    }

    [Fact]
    public async Task A_repository_that_does_not_exist_is_a_usage_error()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);

        var result = await cli.RunAsync(["import", Camel, "--repository", "NOPE"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'NOPE' does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_marc_is_refused_and_nothing_is_imported()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);
        var photo = NotMarcSamples.Write(Directory.CreateDirectory(Path.Combine(cli.DataDirectory, "samples")).FullName).Single(s => s.Path.EndsWith(".jpg", StringComparison.Ordinal));

        var result = await cli.RunAsync(["import", Camel, photo.Path, "--repository", "NETWORK"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("not MARC: it looks like " + photo.Looks, result.Error, StringComparison.Ordinal);
        await using var store = await SqliteCatalogStore.OpenAsync(cli.DataDirectory);
        Assert.Equal(0, await store.CountRecordsAsync("NETWORK", default));
    }

    [Fact]
    public async Task Rejected_records_are_counted_by_reason_and_exit_1()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);
        await using (var store = await SqliteCatalogStore.OpenAsync(cli.DataDirectory))
        {
            await store.SaveProfileAsync(new ImportProfile("overlay-only") { NoMatchAction = NoMatchAction.Reject }, default);
        }

        var result = await cli.RunAsync(["import", Camel, "--repository", "NETWORK", "--profile", "overlay-only"]);

        Assert.Equal(ExitCodes.RecordErrors, result.ExitCode);
        Assert.Equal("added 0, overlaid 0, unchanged 0, rejected 10 (no-match 10)", result.Out.Trim());
        Assert.Contains("camel.usmarc: record 1 (byte 0): no-match: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_sharing_an_OCLC_number_are_imported_in_file_order_and_rejections_are_reported_in_file_order()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);

        // 300 records, imported several at a time: OCLC 50000007 comes four times (an add, then three revisions, far
        // apart and close together), another number twice identically, and every 40th record is invalid.
        var records = new List<byte[]>();
        var revision = 0;
        for (var i = 0; i < 300; i++)
        {
            records.Add(i switch
            {
                7 => Record(50_000_007, "original", valid: true),
                100 or 101 or 250 => Record(50_000_007, $"revision {++revision}", valid: true),
                200 => Record(50_000_003, "title 3", valid: true),
                _ when i % 40 == 39 => Record(60_000_000 + i, $"title {i}", valid: false),
                _ => Record(50_000_000 + i, $"title {i}", valid: true),
            });
        }

        var file = Path.Combine(cli.DataDirectory, "load.mrc");
        Directory.CreateDirectory(cli.DataDirectory);
        await File.WriteAllBytesAsync(file, [.. records.SelectMany(r => r)]);

        var result = await cli.RunAsync(["import", file, "--repository", "NETWORK"]);

        Assert.Equal(ExitCodes.RecordErrors, result.ExitCode);
        Assert.Equal("added 289, overlaid 3, unchanged 1, rejected 7 (invalid-record 7)", result.Out.Trim());
        var rejected = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => int.Parse(line.Split("record ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal([40, 80, 120, 160, 200, 240, 280], rejected);
        await using var store = await SqliteCatalogStore.OpenAsync(cli.DataDirectory);
        var stored = Assert.Single(await store.FindByOclcNumbersAsync("NETWORK", [new OclcNumber(50_000_007)], default));
        var history = await store.GetHistoryAsync("NETWORK", stored.Id, default);
        Assert.Equal(
            ["original", "revision 1", "revision 2", "revision 3"],
            history.Select(v => System.Text.Encoding.ASCII.GetString(v.Content.Span).Contains("revision", StringComparison.Ordinal)
                ? "revision " + System.Text.Encoding.ASCII.GetString(v.Content.Span).Split("revision ")[1][0]
                : "original"));
    }

    private static byte[] Record(long number, string title, bool valid)
    {
        var fields = new List<Marcgate.Marc.MarcField>
        {
            new Marcgate.Marc.ControlField("001", $"ocm{number}"),
            new Marcgate.Marc.ControlField("003", "OCoLC"),
            new Marcgate.Marc.ControlField("008", "240101s2024    ilu           000 0 eng d"),
            new Marcgate.Marc.DataField("035", ' ', ' ', [new Marcgate.Marc.Subfield('a', $"(OCoLC){number}")]),
            new Marcgate.Marc.DataField("245", '1', '0', [new Marcgate.Marc.Subfield('a', title + ".")]),
        };
        if (valid)
        {
            fields.Insert(2, new Marcgate.Marc.ControlField("005", "20240101120000.0"));
            fields.Insert(5, new Marcgate.Marc.DataField("040", ' ', ' ', [new Marcgate.Marc.Subfield('a', "DLC"), new Marcgate.Marc.Subfield('c', "DLC")]));
        }

        return Marcgate.Marc.Iso2709.Iso2709Writer.Write(new Marcgate.Marc.MarcRecord(new Marcgate.Marc.Leader("00000nam a2200000 a 4500"), fields));
    }

    [Fact]
    public async Task The_gateway_and_import_store_the_same_records()
    {
        using var gateway = new AdminCli();
        using var import = new AdminCli();
        Assert.Equal(0, (await gateway.RunAsync("repositories add NETWORK")).ExitCode);
        Assert.Equal(0, (await gateway.RunAsync("accounts add --logon-id 01CARLI_NETWORK --repository NETWORK --password-stdin", Password + "\n")).ExitCode);
        Assert.Equal(0, (await import.RunAsync("repositories add NETWORK")).ExitCode);
        await using (var store = await SqliteCatalogStore.OpenAsync(gateway.DataDirectory))
        {
            var service = new GatewayImportService(store, MarcValidator.Instance);
            foreach (var record in RecordsOf(File.ReadAllBytes(Camel)).Concat(RecordsOf(File.ReadAllBytes(Sample))))
            {
                var outcome = await service.ImportAsync(new ImportRequest("01CARLI_NETWORK", Password, null, "192.0.2.10", service.Read(record)), default);
                Assert.True(outcome.Ok, outcome.Message);
            }
        }

        var imported = await import.RunAsync(["import", Camel, Sample, "--repository", "NETWORK"]);

        Assert.True(imported.ExitCode == 0, imported.Error);
        var viaGateway = await StoredAsync(gateway.DataDirectory);
        var viaImport = await StoredAsync(import.DataDirectory);
        Assert.Equal(viaGateway.Count, viaImport.Count);
        Assert.Contains(viaGateway, r => r.OclcNumbers.Length > 0);
        for (var i = 0; i < viaGateway.Count; i++)
        {
            Assert.Equal(viaGateway[i].OclcNumbers, viaImport[i].OclcNumbers);
            Assert.Equal(viaGateway[i].Version, viaImport[i].Version);
            Assert.Equal(viaGateway[i].Content, viaImport[i].Content);
        }
    }

    // ISO 2709 records end with the record terminator (ISO 2709 §4.5, 0x1D).
    private static IEnumerable<byte[]> RecordsOf(byte[] file)
    {
        var start = 0;
        for (var i = 0; i < file.Length; i++)
        {
            if (file[i] == 0x1D)
            {
                yield return file[start..(i + 1)];
                start = i + 1;
            }
        }
    }

    // In record ID order: both sides imported the same records in the same order.
    private static async Task<List<(string OclcNumbers, int Version, byte[] Content)>> StoredAsync(string dataDirectory)
    {
        await using var store = await SqliteCatalogStore.OpenAsync(dataDirectory);
        var records = await store.ListRecordsAsync("NETWORK", null, 100, default);

        // Ids follow the order of commits, which import runs several at a time: compared by what they hold.
        return [.. records.Select(r => (string.Join(",", r.OclcNumbers), r.Version, r.Content.ToArray())).OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => Convert.ToHexString(r.Item3), StringComparer.Ordinal)];
    }
}
