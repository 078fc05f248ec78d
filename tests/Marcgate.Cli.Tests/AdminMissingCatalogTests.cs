namespace Marcgate.Cli.Tests;

/// <summary>Commands that read the catalog, or change what must already be in it, create nothing where there is no catalog.</summary>
public sealed class AdminMissingCatalogTests
{
    public static TheoryData<string> CommandsThatNeedACatalog =>
    [
        "repositories list",
        "accounts list",
        "accounts add --logon-id 01CARLI_NETWORK --repository NETWORK --password-stdin",
        "accounts passwd --logon-id 01CARLI_NETWORK --password-stdin",
        "accounts remove --logon-id 01CARLI_NETWORK",
        "profiles list",
        "records list --repository NETWORK",
        "records count --repository NETWORK",
        "records show --repository NETWORK --id 000001",
        "records history --repository NETWORK --oclc 63111280",
        "review list",
        "receipts --last 5",
    ];

    [Theory]
    [MemberData(nameof(CommandsThatNeedACatalog))]
    public async Task On_a_missing_directory_it_says_so_and_creates_nothing(string command)
    {
        using var cli = new AdminCli();

        var run = await cli.RunAsync(command, "Sup3r-secret\n");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"no Marcgate catalog in {cli.DataDirectory} (no marcgate.db); create one with 'marcgate repositories add NAME --data {cli.DataDirectory}'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.DataDirectory));
        Assert.False(File.Exists(cli.DataDirectory));
    }

    [Theory]
    [MemberData(nameof(CommandsThatNeedACatalog))]
    public async Task On_an_empty_directory_it_says_so_and_leaves_it_empty(string command)
    {
        using var cli = new AdminCli();
        Directory.CreateDirectory(cli.DataDirectory);

        var run = await cli.RunAsync(command, "Sup3r-secret\n");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"no Marcgate catalog in {cli.DataDirectory}", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cli.DataDirectory));
    }

    [Theory]
    [InlineData("repositories add NETWORK")]
    [InlineData("profiles set CARLI")]
    public async Task Setting_up_creates_the_catalog(string command)
    {
        using var cli = new AdminCli();

        var run = await cli.RunAsync(command);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(cli.DataDirectory, "marcgate.db")));
    }

    [Fact]
    public void Without_data_it_names_the_default_directory_and_does_not_create_it()
    {
        using var cli = new ExportCliRunner();
        cli.WorkingDirectory = cli.Directory;

        var (exit, _, error) = cli.Run("records", "list", "--repository", "NETWORK");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"no Marcgate catalog in {Path.Combine(cli.Directory, "data")} (no marcgate.db); create one with 'marcgate repositories add NAME'.", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cli.Directory));
    }
}
