using System.Globalization;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Marcgate.Cli.Tests;

/// <summary>A catalog file that fails its integrity check is refused at start, by <c>serve</c> run as a process and by the commands.</summary>
public sealed class DamagedCatalogTests : IDisposable
{
    private readonly ExportCliRunner _cli = new();

    private string DataDirectory => Path.Combine(_cli.Directory, "data");

    private string DatabasePath => Path.Combine(DataDirectory, SqliteCatalogStore.DatabaseFileName);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Serve_refuses_a_catalog_with_a_page_overwritten_in_the_middle()
    {
        var pages = await CreateCatalogAsync();
        OverwritePage(pages / 2);

        var (exit, output, error) = Serve();

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.DoesNotContain("Listening on", output, StringComparison.Ordinal);
        Assert.Contains($"marcgate serve: {DatabasePath} failed its integrity check (PRAGMA quick_check), so the catalog was not opened:", error, StringComparison.Ordinal);
        Assert.Contains("\n  *** in database main ***", error, StringComparison.Ordinal);
        Assert.Matches(@"\n  .*[Pp]age \d+", error);
        AssertAdviceWithoutStackTrace(error);
    }

    [Fact]
    public async Task Serve_refuses_a_truncated_catalog()
    {
        var pages = await CreateCatalogAsync();
        using (var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(pages / 2 * 4096L);
        }

        var (exit, output, error) = Serve();

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.DoesNotContain("Listening on", output, StringComparison.Ordinal);
        var expected = string.Create(CultureInfo.InvariantCulture, $"marcgate serve: {DatabasePath} is truncated: it holds {pages / 2 * 4096L:N0} bytes, but its header counts {pages:N0} pages of 4,096 bytes ({pages * 4096L:N0} bytes), so the catalog was not opened.");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        AssertAdviceWithoutStackTrace(error);
    }

    [Fact]
    public void Serve_refuses_a_text_file_named_marcgate_db_and_leaves_it_as_it_was()
    {
        Directory.CreateDirectory(DataDirectory);
        const string Text = "This is where the catalog used to be.\n";
        File.WriteAllText(DatabasePath, Text);

        var (exit, output, error) = Serve();

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.DoesNotContain("Listening on", output, StringComparison.Ordinal);
        Assert.Contains($"marcgate serve: {DatabasePath} is not a SQLite database: it does not begin with \"SQLite format 3\", so the catalog was not opened.", error, StringComparison.Ordinal);
        AssertAdviceWithoutStackTrace(error);
        Assert.Equal(Text, File.ReadAllText(DatabasePath));
        Assert.False(File.Exists(DatabasePath + "-wal"));
    }

    [Fact]
    public async Task The_commands_refuse_it_too_and_db_check_lists_what_it_found()
    {
        var pages = await CreateCatalogAsync();
        OverwritePage(pages / 2);

        var list = _cli.Run("records", "list", "--repository", "NETWORK", "--data", DataDirectory);
        var check = _cli.Run("db", "check", "--data", DataDirectory);

        Assert.Equal(ExitCodes.Usage, list.Exit);
        Assert.Contains($"{DatabasePath} failed its integrity check (PRAGMA quick_check)", list.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, check.Exit);
        Assert.Contains($"marcgate db check: {DatabasePath} failed PRAGMA integrity_check (", check.Error, StringComparison.Ordinal);
        Assert.Contains("\n  *** in database main ***", check.Error, StringComparison.Ordinal);
        AssertAdviceWithoutStackTrace(check.Error);
    }

    [Fact]
    public async Task Db_check_passes_a_sound_catalog_and_the_quick_check_can_be_turned_off()
    {
        var pages = await CreateCatalogAsync();

        var check = _cli.Run("db", "check", "--data", DataDirectory);
        Assert.Equal(ExitCodes.Ok, check.Exit);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{DatabasePath}: ok (PRAGMA integrity_check of {pages * 4096L:N0} bytes in "), check.Output, StringComparison.Ordinal);

        // Damage in a record page is not read by opening: with the check off, the catalog opens as it did before the check existed.
        OverwritePage(pages / 2);
        _cli.Environment["MARCGATE_Storage__QuickCheck"] = "false";
        var count = _cli.Run("repositories", "list", "--data", DataDirectory);
        Assert.Equal(ExitCodes.Ok, count.Exit);
        Assert.Contains("NETWORK", count.Output, StringComparison.Ordinal);

        _cli.Environment["MARCGATE_Storage__QuickCheck"] = "sometimes";
        var refused = _cli.Run("repositories", "list", "--data", DataDirectory);
        Assert.Equal(ExitCodes.Usage, refused.Exit);
        Assert.Contains("Storage:QuickCheck is 'sometimes'; use true or false.", refused.Error, StringComparison.Ordinal);
    }

    private (int Exit, string Output, string Error) Serve() =>
        _cli.Run("serve", "--data", DataDirectory, "--listen", $"127.0.0.1:{ServeProcess.FreePort()}", "--no-web");

    private static void AssertAdviceWithoutStackTrace(string error)
    {
        Assert.Contains("restore the latest copy that 'marcgate backup' made", error, StringComparison.Ordinal);
        Assert.Contains("aside, with its -wal and -shm files if any, to start an empty catalog", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    // A real catalog, closed cleanly (its log folded into the file), big enough that its middle page is a record's.
    private async Task<long> CreateCatalogAsync()
    {
        await using (var store = await SqliteCatalogStore.OpenAsync(DataDirectory))
        {
            var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
            await store.AddRepositoryAsync("NETWORK", now, default);
            await Task.WhenAll(Enumerable.Range(1, 2000).Select(n => store.AppendReceiptAsync(Receipt(n, now), default)));
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

    private static Receipt Receipt(int n, DateTimeOffset now) =>
        new(now.AddSeconds(n), "192.0.2.7", "01CARLI_NETWORK", "cataloger", Ok: false)
        {
            Code = "invalid-record",
            Repository = "NETWORK",
            Message = $"Import Failed. The record is not valid at the Full level: 245: the title statement of record {n} is missing [MARC301].",
        };
}
