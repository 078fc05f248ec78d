using System.Text.Json;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli.Tests;

public sealed class AuditCommandTests
{
    private const string Secret = "Sup3r-audit-secret";

    [Fact]
    public async Task Command_line_changes_are_logged_with_the_operating_system_user_and_never_a_password()
    {
        using var cli = new AdminCli();
        await cli.RunAsync("repositories add NETWORK");
        await cli.RunAsync("profiles set consortium --delete 938");
        await cli.RunAsync("accounts add --logon-id NETCAT1 --repository NETWORK --profile consortium --password-stdin", Secret + "\n");
        await cli.RunAsync("accounts passwd --logon-id NETCAT1 --password-stdin", Secret + "2\n");
        await cli.RunAsync("accounts set --logon-id NETCAT1 --allow 192.0.2.0/24");
        await cli.RunAsync("accounts unlock --logon-id NETCAT1");
        await cli.RunAsync("users add ada --role admin --password-stdin", Secret + "\n");
        await cli.RunAsync("users passwd ada --password-stdin", Secret + "3\n");
        await cli.RunAsync("accounts remove --logon-id NETCAT1");
        await cli.RunAsync("profiles remove consortium");
        await cli.RunAsync("repositories remove NETWORK");

        var text = await cli.RunAsync("audit");
        var json = await cli.RunAsync("audit --format json --limit 100");

        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        var lines = text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "repository.remove", "profile.remove", "account.remove", "staff-user.password", "staff-user.add", "account.unlock",
                "account.set", "account.password", "account.add", "profile.set", "repository.add",
            ],
            lines.Select(l => l.Split('\t')[2]));
        Assert.All(lines, l => Assert.Equal($"local:{Environment.UserName}", l.Split('\t')[1]));
        Assert.Contains(lines, l => l.EndsWith("\taccount:NETCAT1\twrites NETWORK with profile consortium, from any address", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("\taccount:NETCAT1\tfrom any address -> 192.0.2.0/24", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z\t", lines[0]);

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        var entries = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(11, entries.Count);
        Assert.Equal("repository.remove", entries[0].GetProperty("action").GetString());
        Assert.Equal(Environment.UserName, entries[0].GetProperty("actor").GetString());
        Assert.Equal("local", entries[0].GetProperty("actorKind").GetString());
        Assert.Equal("repository", entries[0].GetProperty("subjectKind").GetString());
        Assert.Equal("NETWORK", entries[0].GetProperty("subject").GetString());
        Assert.True(entries[0].GetProperty("id").GetInt64() > entries[1].GetProperty("id").GetInt64());
        Assert.EndsWith("Z", entries[0].GetProperty("at").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"detail\": \"from any address -> 192.0.2.0/24\"", json.Out, StringComparison.Ordinal);
        foreach (var output in new[] { text.Out, json.Out })
        {
            Assert.DoesNotContain("secret", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Sup3r", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_log_is_filtered_by_subject_time_and_limit()
    {
        using var cli = new AdminCli();
        await cli.RunAsync("repositories add NETWORK");
        await cli.RunAsync("repositories add SANDBOX");
        await cli.RunAsync("accounts add --logon-id NETCAT1 --repository NETWORK --password-stdin", Secret + "\n");

        var repositories = await cli.RunAsync("audit --subject repository");
        var sandbox = await cli.RunAsync("audit --subject repository:SANDBOX");
        var account = await cli.RunAsync("audit --subject account:NETCAT1 --format json");
        var latest = await cli.RunAsync("audit --limit 1");
        var future = await cli.RunAsync("audit --since 2999-01-01");
        var past = await cli.RunAsync("audit --since 2000-01-01T00:00 --subject repository:NETWORK");

        Assert.Equal(["repository:SANDBOX", "repository:NETWORK"], Subjects(repositories.Out));
        Assert.Equal(["repository:SANDBOX"], Subjects(sandbox.Out));
        Assert.Equal("NETCAT1", JsonDocument.Parse(account.Out).RootElement[0].GetProperty("subject").GetString());
        Assert.Equal(["account:NETCAT1"], Subjects(latest.Out));
        Assert.Equal((ExitCodes.Ok, string.Empty), (future.ExitCode, future.Out));
        Assert.Contains("No audit entries match", future.Error, StringComparison.Ordinal);
        Assert.Equal(["repository:NETWORK"], Subjects(past.Out));
    }

    [Fact]
    public async Task Bad_filters_get_clear_messages_and_the_usage_code()
    {
        using var cli = new AdminCli();
        await cli.RunAsync("repositories add NETWORK");

        var kind = await cli.RunAsync("audit --subject logon:NETCAT1");
        var since = await cli.RunAsync("audit --since yesterday");
        var limit = await cli.RunAsync("audit --limit 0");
        var format = await cli.RunAsync("audit --format xml");
        using var nowhere = new AdminCli();
        var empty = await nowhere.RunAsync("audit");

        Assert.Equal(ExitCodes.Usage, kind.ExitCode);
        Assert.Contains("'logon:NETCAT1' does not start with a subject kind", kind.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, since.ExitCode);
        Assert.Contains("--since 'yesterday' is not a date", since.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, limit.ExitCode);
        Assert.Contains("from 1 to 10000, not 0", limit.Error, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Ok, format.ExitCode);
        Assert.Equal(ExitCodes.Usage, empty.ExitCode);
        Assert.Contains("no Marcgate catalog", empty.Error, StringComparison.Ordinal);
    }

    private static string[] Subjects(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[3])];
}
