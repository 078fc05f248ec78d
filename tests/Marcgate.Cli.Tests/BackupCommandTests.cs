using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Sqlite;
using Marcgate.Tests;
using Marcgate.Validation;
using Microsoft.Data.Sqlite;

namespace Marcgate.Cli.Tests;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task A_backup_opens_as_a_data_directory_with_every_record_and_version()
    {
        using var cli = new AdminCli();
        var bytes = File.ReadAllBytes(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc"));
        var changed = Iso2709RecordParser.Parse(bytes, MarcReaderOptions.Default, 1, 0, [])!;
        changed.GetDataFields("245").Single().Subfields[0] = new Subfield('a', "Corrected title /");
        await AdminRecordsTests.ImportAsync(cli, bytes, Iso2709Writer.Write(changed));
        Assert.Equal(0, (await cli.RunAsync(["import", TestFiles.Marc("valid/camel.usmarc"), "--repository", "NETWORK"])).ExitCode);
        var file = Path.Combine(cli.DataDirectory, "backups", "catalog.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        var backup = await cli.RunAsync(["backup", "--to", file]);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
        var restored = Path.Combine(cli.DataDirectory, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(file, Path.Combine(restored, SqliteCatalogStore.DatabaseFileName));
        var original = await CatalogAsync(cli.DataDirectory);
        var copy = await CatalogAsync(restored);
        Assert.Equal(12, original.Count); // 11 records, one of them overlaid once
        Assert.Contains(original, line => line.Contains("v2", StringComparison.Ordinal));
        Assert.Equal(original, copy);
    }

    [Fact]
    public async Task A_backup_taken_while_another_connection_writes_is_whole()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);
        var template = Iso2709RecordParser.Parse(File.ReadAllBytes(TestFiles.Marc("valid/summerland.mrc")), MarcReaderOptions.Default, 1, 0, [])!;
        var file = Path.Combine(cli.DataDirectory, "catalog-backup.db");
        using var stop = new CancellationTokenSource();
        var written = 0;
        Task writer;
        await using (var store = await SqliteCatalogStore.OpenAsync(cli.DataDirectory))
        {
            var service = new GatewayImportService(store, MarcValidator.Instance);
            writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    template.GetDataFields("245").Single().Subfields[0] = new Subfield('a', $"Summerland, copy {written} /");
                    var outcome = await service.ImportAsync("NETWORK", ImportOptions.DefaultProfileName, new ImportRequest(null, null, null, "local", service.Read(Iso2709Writer.Write(template))), default);
                    Assert.True(outcome.Ok, outcome.Message);
                    Interlocked.Increment(ref written);
                }
            });

            var counts = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                while (Volatile.Read(ref written) < 20 * (i + 1))
                {
                    await Task.Delay(10);
                }

                var backup = await cli.RunAsync(["backup", "--to", file]);
                Assert.True(backup.ExitCode == 0, backup.Error);
                counts.Add(await IntegrityCheckedCountAsync(file));
            }

            await stop.CancelAsync();
            await writer;
            Assert.True(counts[0] >= 20 && counts[2] >= 60, string.Join(", ", counts));
            Assert.True(counts[2] <= written, $"{counts[2]} > {written}");
        }
    }

    [Fact]
    public async Task A_postgres_store_is_refused_with_pg_dump()
    {
        using var cli = new AdminCli();

        var result = await cli.RunAsync(["backup", "--to", Path.Combine(cli.DataDirectory, "x.db"), "--store", "postgres://marcgate@localhost:5432/marcgate"], withData: false);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("pg_dump -Fc -f marcgate.dump 'postgres://marcgate@localhost:5432/marcgate'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_directory_without_a_catalog_is_a_usage_error()
    {
        using var cli = new AdminCli();

        var result = await cli.RunAsync(["backup", "--to", Path.Combine(Path.GetTempPath(), "marcgate-none.db")]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no Marcgate catalog", result.Error, StringComparison.Ordinal);
    }

    // Every record's every version, one line each, in record order.
    private static async Task<List<string>> CatalogAsync(string dataDirectory)
    {
        await using var store = await SqliteCatalogStore.OpenAsync(dataDirectory);
        var lines = new List<string>();
        foreach (var record in await store.ListRecordsAsync("NETWORK", null, 1000, default))
        {
            foreach (var version in await store.GetHistoryAsync("NETWORK", record.Id, default))
            {
                lines.Add($"{record.Id} v{version.Version} {version.Action} {version.ContentHash} {Convert.ToHexString(version.Content.Span)}");
            }
        }

        return lines;
    }

    private static async Task<long> IntegrityCheckedCountAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        var directory = Path.Combine(Path.GetDirectoryName(file)!, "check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        File.Copy(file, Path.Combine(directory, SqliteCatalogStore.DatabaseFileName));
        await using var store = await SqliteCatalogStore.OpenAsync(directory);
        return await store.CountRecordsAsync("NETWORK", default);
    }
}
