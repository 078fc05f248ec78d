using Marcgate.Cli.Admin;

namespace Marcgate.Cli.Tests;

public sealed class AdminRepositoriesAndAccountsTests
{
    [Fact]
    public async Task Repositories_are_added_once_and_listed()
    {
        using var cli = new AdminCli();

        var added = await cli.RunAsync("repositories add NETWORK");
        var again = await cli.RunAsync("repositories add NETWORK");
        var bad = await cli.RunAsync(["repositories", "add", "no spaces"]);
        await cli.RunAsync("repositories add IZ_SANDBOX");
        var list = await cli.RunAsync("repositories list");

        Assert.Equal((ExitCodes.Ok, "Added repository NETWORK."), (added.ExitCode, added.Out.Trim()));
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Equal(["IZ_SANDBOX", "NETWORK"], list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]));
        Assert.Contains("\t0 records\t", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_are_added_listed_changed_and_removed_without_ever_printing_a_password()
    {
        using var cli = new AdminCli();
        await cli.RunAsync("repositories add NETWORK");

        var added = await cli.RunAsync("accounts add --logon-id 01CARLI_NETWORK --repository NETWORK --password-stdin --allow 192.0.2.0/24 198.51.100.7", "Sup3r-secret\n");
        var duplicate = await cli.RunAsync("accounts add --logon-id 01CARLI_NETWORK --repository NETWORK --password-stdin", "x\n");
        var list = await cli.RunAsync("accounts list");
        var passwd = await cli.RunAsync("accounts passwd --logon-id 01CARLI_NETWORK --password-stdin", "An0ther-secret\n");
        var removed = await cli.RunAsync("accounts remove --logon-id 01CARLI_NETWORK");
        var after = await cli.RunAsync("accounts list");

        Assert.Equal(ExitCodes.Ok, added.ExitCode);
        Assert.Equal("Added logon ID 01CARLI_NETWORK: writes NETWORK with profile default, from 192.0.2.0/24, 198.51.100.7.", added.Out.Trim());
        Assert.Equal(ExitCodes.Usage, duplicate.ExitCode);
        Assert.Contains("accounts passwd", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal("01CARLI_NETWORK\trepository=NETWORK\tprofile=default\tallow=192.0.2.0/24,198.51.100.7", list.Out.Trim());
        Assert.Equal((ExitCodes.Ok, "Changed the password of logon ID 01CARLI_NETWORK."), (passwd.ExitCode, passwd.Out.Trim()));
        Assert.Equal(ExitCodes.Ok, removed.ExitCode);
        Assert.Equal(string.Empty, after.Out);
        foreach (var text in new[] { added, list, passwd }.SelectMany(r => new[] { r.Out, r.Error }))
        {
            Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_names_and_bad_values_get_clear_messages_and_codes()
    {
        using var cli = new AdminCli();
        await cli.RunAsync("repositories add NETWORK");

        var noRepository = await cli.RunAsync("accounts add --logon-id A --repository NOPE --password-stdin", "pw\n");
        var noProfile = await cli.RunAsync("accounts add --logon-id A --repository NETWORK --profile strict --password-stdin", "pw\n");
        var badAllow = await cli.RunAsync("accounts add --logon-id A --repository NETWORK --allow 300.1.1.1 --password-stdin", "pw\n");
        var emptyPassword = await cli.RunAsync("accounts add --logon-id A --repository NETWORK --password-stdin", "\n");
        var noAccount = await cli.RunAsync("accounts passwd --logon-id NOBODY --password-stdin", "pw\n");
        var removeNobody = await cli.RunAsync("accounts remove --logon-id NOBODY");

        Assert.Equal(ExitCodes.Usage, noRepository.ExitCode);
        Assert.Contains("Repository 'NOPE' does not exist; add it with 'marcgate repositories add NOPE'.", noRepository.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noProfile.ExitCode);
        Assert.Contains("Import profile 'strict' does not exist", noProfile.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badAllow.ExitCode);
        Assert.Contains("'300.1.1.1' is not an IP address or CIDR range", badAllow.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, emptyPassword.ExitCode);
        Assert.Contains("The password is empty", emptyPassword.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noAccount.ExitCode);
        Assert.Contains("Logon ID 'NOBODY' does not exist", noAccount.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, removeNobody.ExitCode);
        Assert.Equal(string.Empty, (await cli.RunAsync("accounts list")).Out);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_hold_a_catalog_is_reported()
    {
        using var cli = new AdminCli();
        Directory.CreateDirectory(cli.DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(cli.DataDirectory, "marcgate.db"), "this is not an SQLite database, it is plain text and long enough to have a header");

        var result = await cli.RunAsync("repositories list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("marcgate.db", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profiles_are_saved_checked_listed_and_usable_by_accounts()
    {
        using var cli = new AdminCli();
        await cli.RunAsync("repositories add IZ");

        var saved = await cli.RunAsync("profiles set iz-local --validation-level basic --delete 029 938 --protect 59X --merge replace --no-match reject --allow-lower-encoding-level");
        var bad = await cli.RunAsync("profiles set broken --delete 9*9");
        var badLevel = await cli.RunAsync("profiles set broken --validation-level strictest");
        var list = await cli.RunAsync("profiles list");
        var account = await cli.RunAsync("accounts add --logon-id IZ_LOGON --repository IZ --profile iz-local --password-stdin", "pw-1234\n");

        Assert.Equal(ExitCodes.Ok, saved.ExitCode);
        Assert.Equal(
            "iz-local\tvalidation=basic delete=029,938 019-to-035z=yes match-oclc=yes merge=replace no-match=reject protect=9XX,59X allow-lower-encoding-level=yes",
            list.Out.Trim());
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("'9*9' in fields to delete is not a tag or tag pattern", bad.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badLevel.ExitCode);
        Assert.Equal(ExitCodes.Ok, account.ExitCode);
        Assert.Contains("with profile iz-local", account.Out, StringComparison.Ordinal);
    }
}
