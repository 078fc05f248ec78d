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
        return [.. records.Select(r => (string.Join(",", r.OclcNumbers), r.Version, r.Content.ToArray()))];
    }
}
