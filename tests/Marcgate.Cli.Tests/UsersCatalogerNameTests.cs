namespace Marcgate.Cli.Tests;

public sealed class UsersCatalogerNameTests
{
    [Fact]
    public async Task A_catalogers_authorization_is_accepted_as_a_staff_user_name()
    {
        using var cli = new AdminCli();

        var added = await cli.RunAsync("users add 100-123-456 --role cataloger --password-stdin", "cataloger password\n");
        var list = await cli.RunAsync("users list");
        var bad = await cli.RunAsync(["users", "add", "100 123 456", "--role", "cataloger", "--password-stdin"], "cataloger password\n");

        Assert.Equal(ExitCodes.Ok, added.ExitCode);
        Assert.Contains("100-123-456", list.Out);
        Assert.Contains("cataloger", list.Out);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("not a valid user name", bad.Error);
    }
}
