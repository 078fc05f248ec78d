using Marcgate.Catalog.Storage;
using Microsoft.Data.Sqlite;

namespace Marcgate.Storage.Sqlite.Tests;

/// <summary>Opening checks the file before trusting it: its header, then <c>PRAGMA quick_check</c>; a damaged file is refused and left as it was.</summary>
public sealed class SqliteIntegrityCheckTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, SqliteCatalogStore.DatabaseFileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("SQLite format 2\0")]
    [InlineData("<html>not a catalog</html>\n")]
    public async Task A_file_that_is_not_sqlite_is_refused_untouched(string content)
    {
        // An empty file is what a new catalog starts as, so it is not damage: it opens.
        File.WriteAllText(DatabasePath, content);
        if (content.Length == 0)
        {
            await (await SqliteCatalogStore.OpenAsync(_directory.Path)).DisposeAsync();
            return;
        }

        var refused = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.OpenAsync(_directory.Path));

        Assert.StartsWith($"{DatabasePath} is not a SQLite database: it does not begin with \"SQLite format 3\", so the catalog was not opened.\n", refused.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(DatabasePath));
        Assert.False(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task A_file_cut_inside_its_header_or_short_of_its_pages_is_truncated()
    {
        var pages = await CreateCatalogAsync(receipts: 300);
        var whole = File.ReadAllBytes(DatabasePath);

        File.WriteAllBytes(DatabasePath, whole[..60]);
        var header = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.OpenAsync(_directory.Path));
        Assert.StartsWith($"{DatabasePath} is truncated: it holds 60 bytes, less than the 100-byte database header", header.Message, StringComparison.Ordinal);

        File.WriteAllBytes(DatabasePath, whole[..(4096 * 3)]);
        var short_ = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.OpenAsync(_directory.Path));
        Assert.StartsWith($"{DatabasePath} is truncated: it holds 12,288 bytes, but its header counts {pages:N0} pages of 4,096 bytes", short_.Message, StringComparison.Ordinal);

        File.WriteAllBytes(DatabasePath, whole[..^100]);
        var partial = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.OpenAsync(_directory.Path));
        Assert.Contains(" is truncated: ", partial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_overwritten_in_the_middle_fails_the_quick_check_and_the_full_check_lists_it()
    {
        var pages = await CreateCatalogAsync(receipts: 2000);
        OverwritePage(pages / 2);
        var damaged = File.ReadAllBytes(DatabasePath);

        var refused = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.OpenAsync(_directory.Path));
        var findings = await SqliteCatalogStore.CheckIntegrityAsync(_directory.Path);

        Assert.StartsWith($"{DatabasePath} failed its integrity check (PRAGMA quick_check), so the catalog was not opened:\n  *** in database main ***\n  ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("restore the latest copy that 'marcgate backup' made", refused.Message, StringComparison.Ordinal);
        Assert.Equal("*** in database main ***", findings[0]);
        Assert.Contains(findings, line => line.Contains("page", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(damaged, File.ReadAllBytes(DatabasePath));
    }

    [Fact]
    public async Task With_the_quick_check_off_damage_in_a_record_page_is_not_looked_for()
    {
        var pages = await CreateCatalogAsync(receipts: 2000);
        OverwritePage(pages / 2);

        await using var store = await SqliteCatalogStore.OpenAsync(_directory.Path, new SqliteCatalogStoreOptions { QuickCheckOnOpen = false });

        Assert.Equal(["NETWORK"], (await store.ListRepositoriesAsync(default)).Select(r => r.Name));
    }

    [Fact]
    public async Task A_sound_catalog_left_with_its_log_by_a_crash_opens_and_passes_the_full_check()
    {
        await CreateCatalogAsync(receipts: 300);
        var crashed = Path.Combine(_directory.Path, "crashed");
        Directory.CreateDirectory(crashed);

        // A copy taken while a writer holds un-checkpointed pages in the log: what a host killed mid-load leaves behind.
        using (var writer = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            writer.Open();
            Execute(writer, "PRAGMA wal_autocheckpoint = 0");
            for (var i = 0; i < 200; i++)
            {
                Execute(writer, $"INSERT INTO repositories (name, created_us) VALUES ('R{i}', 0)");
            }

            File.Copy(DatabasePath, Path.Combine(crashed, SqliteCatalogStore.DatabaseFileName));
            File.Copy(DatabasePath + "-wal", Path.Combine(crashed, SqliteCatalogStore.DatabaseFileName + "-wal"));
        }

        Assert.Empty(await SqliteCatalogStore.CheckIntegrityAsync(crashed));
        await using var store = await SqliteCatalogStore.OpenAsync(crashed);
        Assert.Equal(201, (await store.ListRepositoriesAsync(default)).Count);
    }

    [Fact]
    public async Task The_full_check_of_a_missing_catalog_says_there_is_none()
    {
        var missing = Path.Combine(_directory.Path, "nowhere");

        var error = await Assert.ThrowsAsync<CatalogStoreException>(() => SqliteCatalogStore.CheckIntegrityAsync(missing));

        Assert.Equal($"{missing}: no Marcgate catalog (no marcgate.db).", error.Message);
        Assert.False(Directory.Exists(missing));
    }

    // A real catalog, closed cleanly (its log folded into the file); with 2,000 receipts its middle page is a receipt's.
    private async Task<long> CreateCatalogAsync(int receipts)
    {
        await using (var store = await SqliteCatalogStore.OpenAsync(_directory.Path))
        {
            await store.AddRepositoryAsync("NETWORK", s_t0, default);
            await Task.WhenAll(Enumerable.Range(1, receipts).Select(n => store.AppendReceiptAsync(
                new Receipt(s_t0.AddSeconds(n), "192.0.2.7", "01CARLI_NETWORK", "cataloger", Ok: false)
                {
                    Code = "invalid-record",
                    Repository = "NETWORK",
                    Message = $"Import Failed. The record is not valid at the Full level: 245: the title statement of record {n} is missing [MARC301].",
                },
                default)));
        }

        SqliteConnection.ClearAllPools();
        return new FileInfo(DatabasePath).Length / 4096;
    }

    private void OverwritePage(long page)
    {
        using var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write);
        file.Position = page * 4096;
        var garbage = new byte[4096];
        new Random(2026).NextBytes(garbage);
        file.Write(garbage);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
