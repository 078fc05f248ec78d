using Marcgate.Storage.Sqlite;

namespace Marcgate.Cli.Tests;

public sealed class AdminCatalogCommandsTests
{
    private const string Password = "Pa55-word";

    [Fact]
    public async Task Profiles_are_shown_and_removed_only_when_no_account_uses_them()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("profiles set consortium --delete 029,938")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("profiles set spare")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("accounts add --logon-id NETCAT1 --repository NETWORK --profile consortium --password-stdin", Password + "\n")).ExitCode);

        var show = await cli.RunAsync("profiles show consortium");
        var builtIn = await cli.RunAsync("profiles show default");
        var missing = await cli.RunAsync("profiles show nope");
        var inUse = await cli.RunAsync("profiles remove consortium");
        var spare = await cli.RunAsync("profiles remove spare");
        var list = await cli.RunAsync("profiles list");

        Assert.Equal(0, show.ExitCode);
        Assert.StartsWith("consortium\tvalidation=structure delete=029,938 ", show.Out, StringComparison.Ordinal);
        Assert.Contains("used by: NETCAT1", show.Out, StringComparison.Ordinal);
        Assert.StartsWith("default (built in, not saved)\t", builtIn.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Equal(ExitCodes.Usage, inUse.ExitCode);
        Assert.Contains("Import profile 'consortium' is used by logon ID NETCAT1", inUse.Error, StringComparison.Ordinal);
        Assert.Equal(0, spare.ExitCode);
        Assert.Equal("Removed import profile spare.", spare.Out.Trim());
        Assert.Equal(["consortium"], list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]));
    }

    [Fact]
    public async Task Accounts_change_profile_and_allow_list_without_a_password_and_are_unlocked()
    {
        using var cli = new AdminCli();
        Assert.Equal(0, (await cli.RunAsync("repositories add NETWORK")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("profiles set consortium")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("accounts add --logon-id NETCAT1 --repository NETWORK --password-stdin", Password + "\n")).ExitCode);

        var profile = await cli.RunAsync("accounts set --logon-id NETCAT1 --profile consortium --allow 192.0.2.0/24 198.51.100.7");
        var listed = await cli.RunAsync("accounts list");
        var any = await cli.RunAsync("accounts set --logon-id NETCAT1 --no-allow");
        var both = await cli.RunAsync("accounts set --logon-id NETCAT1 --allow 192.0.2.1 --no-allow");
        var nothing = await cli.RunAsync("accounts set --logon-id NETCAT1");
        var badProfile = await cli.RunAsync("accounts set --logon-id NETCAT1 --profile nope");
        var badAddress = await cli.RunAsync("accounts set --logon-id NETCAT1 --allow nowhere");

        Assert.Equal(0, profile.ExitCode);
        Assert.Equal("Changed logon ID NETCAT1: writes NETWORK with profile consortium, from 192.0.2.0/24, 198.51.100.7.", profile.Out.Trim());
        Assert.Equal("NETCAT1\trepository=NETWORK\tprofile=consortium\tallow=192.0.2.0/24,198.51.100.7", listed.Out.Trim());
        Assert.Equal(0, any.ExitCode);
        Assert.EndsWith("from any address.", any.Out.Trim(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, both.ExitCode);
        Assert.Equal(ExitCodes.Usage, nothing.ExitCode);
        Assert.Equal(ExitCodes.Usage, badProfile.ExitCode);
        Assert.Equal(ExitCodes.Usage, badAddress.ExitCode);

        var none = await cli.RunAsync("accounts lockouts");
        var until = DateTimeOffset.UtcNow.AddMinutes(15);
        await using (var store = await SqliteCatalogStore.OpenAsync(cli.DataDirectory))
        {
            for (var i = 0; i < 3; i++)
            {
                await store.RecordLogonFailureAsync(Catalog.Storage.LockoutKey.ForLogonId("NETCAT1"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15), default);
                await store.RecordLogonFailureAsync(Catalog.Storage.LockoutKey.ForLogonIdAtAddress("NETCAT1", "192.0.2.9"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15), default);
            }

            await store.LockLogonAsync(Catalog.Storage.LockoutKey.ForLogonIdAtAddress("NETCAT1", "192.0.2.9"), until, default);
            await store.LockLogonAsync(Catalog.Storage.LockoutKey.ForPeerAddress("203.0.113.4"), until, default);
        }

        var lockouts = await cli.RunAsync("accounts lockouts");
        var unlock = await cli.RunAsync("accounts unlock --logon-id NETCAT1 --address 192.0.2.9");
        var again = await cli.RunAsync("accounts unlock --logon-id NETCAT1");
        var unknown = await cli.RunAsync("accounts unlock --logon-id NOBODY");
        var left = await cli.RunAsync("accounts lockouts");

        Assert.Equal((0, "", "No lockouts in force."), (none.ExitCode, none.Out, none.Error.Trim()));
        var end = until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [$"logon-id=*\taddress=203.0.113.4\tuntil={end}", $"logon-id=NETCAT1\taddress=192.0.2.9\tuntil={end}"],
            lockouts.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, unlock.ExitCode);
        Assert.Equal(
            "Forgot 3 failed logons of logon ID NETCAT1. Lifted the lockout of logon ID NETCAT1 at address 192.0.2.9 and forgot 3 failed logons. No failed logons of address 192.0.2.9 to forget.",
            unlock.Out.Trim());
        Assert.Equal("No failed logons of logon ID NETCAT1 to forget.", again.Out.Trim());
        Assert.Equal([$"logon-id=*\taddress=203.0.113.4\tuntil={end}"], left.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
    }

    [Fact]
    public async Task Repositories_are_removed_only_without_writers_and_with_force_when_they_hold_records()
    {
        using var cli = new AdminCli();
        await AdminRecordsTests.ImportAsync(cli, AdminRecordsTests.Record("(OCoLC)1", null, "One"));

        var written = await cli.RunAsync("repositories remove NETWORK --force");
        Assert.Equal(0, (await cli.RunAsync("accounts remove --logon-id 01CARLI_NETWORK")).ExitCode);
        var holding = await cli.RunAsync("repositories remove NETWORK");
        var forced = await cli.RunAsync("repositories remove NETWORK --force");
        var gone = await cli.RunAsync("repositories remove NETWORK");

        Assert.Equal(ExitCodes.Usage, written.ExitCode);
        Assert.Contains("is written by logon ID 01CARLI_NETWORK", written.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, holding.ExitCode);
        Assert.Contains("holds 1 record; add --force", holding.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("Removed repository NETWORK with its 1 record.", forced.Out.Trim());
        Assert.Equal(ExitCodes.Usage, gone.ExitCode);
        Assert.Empty((await cli.RunAsync("repositories list")).Out);
    }

    [Fact]
    public async Task Receipts_are_filtered_by_logon_outcome_and_time()
    {
        using var cli = new AdminCli();
        await AdminRecordsTests.ImportAsync(
            cli,
            AdminRecordsTests.Record("(OCoLC)1", null, "One"),
            AdminRecordsTests.Record("(OCoLC)2", null, "Two"),
            AdminRecordsTests.Record("(OCoLC)1", "2", "Both"));

        var ok = await cli.RunAsync("receipts --outcome ok");
        var errors = await cli.RunAsync("receipts --outcome error --logon-id 01CARLI_NETWORK");
        var code = await cli.RunAsync("receipts --outcome multiple-matches --since 2000-01-01");
        var nobody = await cli.RunAsync("receipts --logon-id NOBODY");
        var future = await cli.RunAsync("receipts --since 2999-01-01T00:00");
        var badOutcome = await cli.RunAsync("receipts --outcome fine");
        var badTime = await cli.RunAsync("receipts --since yesterday");

        Assert.Equal(2, ok.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\tstatus=error code=multiple-matches\t", Assert.Single(errors.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Single(code.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(nobody.Out);
        Assert.Empty(future.Out);
        Assert.Equal(ExitCodes.Usage, badOutcome.ExitCode);
        Assert.Contains("'fine' is not an outcome", badOutcome.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badTime.ExitCode);
    }

    [Fact]
    public async Task Receipts_show_correlation_ids_and_one_is_found_by_its_id_in_any_case()
    {
        using var cli = new AdminCli();
        await AdminRecordsTests.ImportAsync(
            cli,
            AdminRecordsTests.Record("(OCoLC)1", null, "One"),
            AdminRecordsTests.Record("(OCoLC)2", null, "Two"));
        var all = (await cli.RunAsync("receipts")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ids = all.Select(line => Assert.Single(line.Split('\t'), t => t.StartsWith("correlation=", StringComparison.Ordinal))["correlation=".Length..]).ToList();

        var second = await cli.RunAsync($"receipts --correlation {ids[1].ToLowerInvariant()}");
        var unknown = await cli.RunAsync("receipts --correlation 00000000000000ZZ");
        var bad = await cli.RunAsync("receipts --correlation 12345");

        Assert.Equal(2, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(16, id.Length));
        Assert.Equal((0, all[1]), (second.ExitCode, second.Out.Trim()));
        Assert.Contains("oclc=2\t", second.Out, StringComparison.Ordinal);
        Assert.Equal((0, ""), (unknown.ExitCode, unknown.Out));
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("'12345' is not a correlation ID", bad.Error, StringComparison.Ordinal);
    }
}
