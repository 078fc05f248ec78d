namespace Marcgate.Cli.Tests;

public sealed class AdminUsersTests
{
    [Fact]
    public async Task Users_are_added_listed_given_a_new_password_and_removed()
    {
        using var cli = new AdminCli();

        await cli.RunAsync("repositories add NETWORK");
        var none = await cli.RunAsync("users list");
        var added = await cli.RunAsync("users add ada --role admin --password-stdin", "correct horse\n");
        var cataloger = await cli.RunAsync("users add carl --role cataloger --password-stdin", "battery staple\n");
        var again = await cli.RunAsync("users add ada --role cataloger --password-stdin", "another one\n");
        var list = await cli.RunAsync("users list");
        var passwd = await cli.RunAsync("users passwd carl --password-stdin", "a new password\n");
        var lastAdmin = await cli.RunAsync("users remove ada");
        var removed = await cli.RunAsync("users remove carl");
        var missing = await cli.RunAsync("users passwd carl --password-stdin", "whatever it is\n");

        Assert.Equal((0, string.Empty), (none.ExitCode, none.Out));
        Assert.Contains("add the first admin with 'marcgate users add NAME --role admin'", none.Error, StringComparison.Ordinal);
        Assert.Equal((0, "Added user ada (admin)."), (added.ExitCode, added.Out.Trim()));
        Assert.Equal(0, cataloger.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("User 'ada' already exists", again.Error, StringComparison.Ordinal);
        Assert.Matches(@"^ada\tadmin\tadded \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\ncarl\tcataloger\tadded ", list.Out.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("horse", list.Out + list.Error, StringComparison.Ordinal);
        Assert.Equal((0, "Changed the password of user carl."), (passwd.ExitCode, passwd.Out.Trim()));
        Assert.Equal(2, lastAdmin.ExitCode);
        Assert.Contains("is the last admin", lastAdmin.Error, StringComparison.Ordinal);
        Assert.Equal((0, "Removed user carl."), (removed.ExitCode, removed.Out.Trim()));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("User 'carl' does not exist", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_or_a_bad_name_or_role_is_refused()
    {
        using var cli = new AdminCli();

        var shortPassword = await cli.RunAsync("users add ada --role admin --password-stdin", "short\n");
        var badName = await cli.RunAsync("users add a/b --role admin --password-stdin", "long enough\n");
        var badRole = await cli.RunAsync("users add ada --role owner --password-stdin", "long enough\n");

        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Contains("shorter than 8 characters", shortPassword.Error, StringComparison.Ordinal);
        Assert.Equal(2, badName.ExitCode);
        Assert.Contains("'a/b' is not a valid user name", badName.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, badRole.ExitCode);
    }
}
