using System.Diagnostics;
using System.Globalization;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Postgres;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>
/// <c>marcgate serve --store postgres://…</c> as a process on a database of its own on the test cluster
/// (<c>MARCGATE_TEST_PG</c>, started by <c>./test.sh</c>), fed by <c>marcgate export</c>.
/// </summary>
public sealed class ServePostgresTests : IAsyncLifetime
{
    private const string LogonId = "01CARLI_NETWORK";
    private const string Password = "pg-serve-secret-5500";

    // The cluster trusts loopback logins, so any password connects; it must still never be shown.
    private const string DatabasePassword = "db-Pa55word-never-shown";

    private readonly ExportCliRunner _cli = new();
    private readonly List<string> _hostOutput = [];
    private PostgresTestDatabase _database = null!;
    private string _url = null!;
    private Process? _host;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("marcgate_cli_");
        _url = _database.Url(DatabasePassword);
        _cli.Environment["EXPORT_TEST_PW"] = Password;
    }

    public async Task DisposeAsync()
    {
        StopHost();
        await _database.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Serve_on_PostgreSQL_accepts_records_from_the_exporter_and_never_shows_the_database_password()
    {
        var migrate = _cli.Run("db", "migrate", "--store", _url);
        Assert.True(migrate.Exit == 0, migrate.Error);
        Assert.Contains($"/{_database.Name}: applied 0001_catalog", migrate.Output, StringComparison.Ordinal);
        var added = _cli.Run("repositories", "add", "NETWORK", "--store", _url);
        Assert.True(added.Exit == 0, added.Error);
        await using (var store = await PostgresCatalogStore.OpenAsync(PostgresConnectionString.Parse(_url)))
        {
            await store.SaveAccountAsync(new Account(LogonId, "NETWORK", ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
        }

        var port = ServeProcess.FreePort();
        _host = await StartHostAsync(["serve", "--store", _url, "--listen", $"127.0.0.1:{port}"]);
        var file = Path.Combine(_cli.Directory, "two.mrc");
        File.WriteAllBytes(file, [.. new[] { Record(1, "One"), Record(2, "Two") }.SelectMany(Iso2709Writer.Write)]);

        var export = _cli.Run("export", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--logon-id", LogonId, "--password-env", "EXPORT_TEST_PW", "--validate-bib", "none", "--timeout", "20", file);
        var again = _cli.Run("export", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--logon-id", LogonId, "--password-env", "EXPORT_TEST_PW", "--validate-bib", "none", "--timeout", "20", file);
        StopHost();

        Assert.True(export.Exit == 0, export.Output + export.Error);
        Assert.True(again.Exit == 0, again.Output + again.Error);
        var count = _cli.Run("records", "count", "--repository", "NETWORK", "--store", _url);
        Assert.Equal("2", count.Output.Trim());
        var receipts = _cli.Run("receipts", "--store", _url);
        Assert.Equal(2, receipts.Output.Split('\n').Count(l => l.Contains("action=added", StringComparison.Ordinal)));
        Assert.Equal(2, receipts.Output.Split('\n').Count(l => l.Contains("action=unchanged", StringComparison.Ordinal)));
        lock (_hostOutput)
        {
            Assert.Contains(_hostOutput, l => l.StartsWith("Listening on 127.0.0.1:", StringComparison.Ordinal));
            Assert.DoesNotContain(_hostOutput, l => l.Contains(DatabasePassword, StringComparison.Ordinal) || l.Contains(Password, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(DatabasePassword, migrate.Output + migrate.Error + added.Output + added.Error + count.Output + count.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_cannot_be_reached_is_named_without_its_password()
    {
        var url = $"postgres://marcgate:{DatabasePassword}@127.0.0.1:{ServeProcess.FreePort()}/nowhere?timeout=3";

        var list = _cli.Run("repositories", "list", "--store", url);
        var serve = _cli.Run("serve", "--store", url, "--listen", "127.0.0.1:0");

        Assert.Equal(ExitCodes.Usage, list.Exit);
        Assert.Contains("postgres://marcgate@127.0.0.1:", list.Error, StringComparison.Ordinal);
        Assert.Equal(2, serve.Exit);
        Assert.Contains("marcgate serve: postgres://marcgate@127.0.0.1:", serve.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePassword, list.Output + list.Error + serve.Output + serve.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PostgreSQL_store_with_a_data_directory_named_too_is_a_usage_error_that_touches_neither()
    {
        var url = $"postgres://marcgate:{DatabasePassword}@127.0.0.1:{ServeProcess.FreePort()}/nowhere";
        var data = Path.Combine(_cli.Directory, "catalog");

        var list = _cli.Run("repositories", "list", "--store", url, "--data", data);
        var migrate = _cli.Run("db", "migrate", "--store", url, "--data", data);
        var serve = _cli.Run("serve", "--store", url, "--data", data, "--listen", "127.0.0.1:0");
        _cli.Environment["MARCGATE_Data"] = data;
        var configured = _cli.Run("serve", "--store", url, "--listen", "127.0.0.1:0");
        _cli.Environment.Remove("MARCGATE_Data");
        Assert.False(Directory.Exists(data));
        var sqlite = _cli.Run("repositories", "add", "NETWORK", "--store", "sqlite", "--data", data);

        foreach (var refused in new[] { list, migrate, serve, configured })
        {
            Assert.Equal(ExitCodes.Usage, refused.Exit);
            Assert.Contains($"--data {data} and the PostgreSQL store postgres://marcgate@127.0.0.1:", refused.Error, StringComparison.Ordinal);
            Assert.Contains("not both", refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(DatabasePassword, refused.Output + refused.Error, StringComparison.Ordinal);
        }

        // --store sqlite says the same as --data: the catalog is SQLite under it.
        Assert.True(sqlite.Exit == 0, sqlite.Error);
        Assert.True(File.Exists(Path.Combine(data, "marcgate.db")));
    }

    private Task<Process> StartHostAsync(string[] arguments) => ServeProcess.StartAsync(arguments, _hostOutput);

    private void StopHost()
    {
        ServeProcess.Stop(_host);
        _host = null;
    }

    private static MarcRecord Record(int number, string title) => new(new Leader("00000nam a2200000 a 4500"),
    [
        new ControlField("001", $"ocm6311{number:D4}"),
        new ControlField("003", "OCoLC"),
        new ControlField("005", "20240101120000.0"),
        new ControlField("008", "240101s2024    ilu           000 0 eng d"),
        new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('c', "DLC")]),
        new DataField("245", '1', '0', [new Subfield('a', title + ".")]),
    ]);
}
