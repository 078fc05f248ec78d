using System.Diagnostics;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Gateway.Client;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Storage.Postgres;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>
/// Two <c>marcgate serve</c> processes on one PostgreSQL database (a fresh one on <c>MARCGATE_TEST_PG</c>): an
/// administrator's change made with the CLI, a third process, reaches both nodes' caches through the store's change
/// feed (NOTIFY), so the next logon on either node sees it, not one minutes later.
/// </summary>
public sealed class ChangeFeedTwoNodeTests : IAsyncLifetime
{
    private const string LogonId = "01CARLI_NETWORK";
    private const string Password = "first-secret-5500";
    private const string NewPassword = "second-secret-5501";
    private const string Repository = "NETWORK";

    // Bounds each wait for a node to hear a change; a notification takes a round trip to the server, far less.
    private static readonly TimeSpan s_heardWithin = TimeSpan.FromSeconds(20);

    private readonly ExportCliRunner _cli = new();
    private readonly List<string> _hostOutput = [];
    private readonly Process?[] _nodes = new Process?[2];
    private readonly int[] _ports = [ServeProcess.FreePort(), ServeProcess.FreePort()];
    private PostgresTestDatabase _database = null!;
    private string _url = null!;
    private long _nextNumber = 81_000_000;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("marcgate_feed_");
        _url = _database.Url();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            ServeProcess.Stop(node);
        }

        await _database.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task A_password_changed_with_the_cli_is_the_one_both_nodes_accept_next()
    {
        // Failed tries while a node has not heard yet must not lock the logon ID out before the test ends.
        await StartAsync(maxFailures: 1000);
        Assert.All(await SendToBothAsync(Password), reply => Assert.Equal("ok", reply.Status));

        var passwd = _cli.RunWithInput(NewPassword + "\n", "accounts", "passwd", "--logon-id", LogonId, "--password-stdin", "--store", _url);
        Assert.True(passwd.Exit == 0, passwd.Error);

        for (var node = 0; node < 2; node++)
        {
            var port = _ports[node];
            Assert.True(await EventuallyAsync(async () => (await SendAsync(port, NewPassword)).Status == "ok"), $"node {node + 1} never accepted the new password");
            Assert.Equal(GatewayReplyCodes.LogonFailed, (await SendAsync(port, Password)).Code);
        }
    }

    [Fact]
    public async Task An_unlock_with_the_cli_lifts_the_lockout_on_both_nodes()
    {
        await StartAsync(maxFailures: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(GatewayReplyCodes.LogonFailed, (await SendAsync(_ports[i % 2], "wrong-password")).Code);
        }

        Assert.All(await SendToBothAsync(Password), reply => Assert.Equal(GatewayReplyCodes.LockedOut, reply.Code));

        var unlock = _cli.Run("accounts", "unlock", "--logon-id", LogonId, "--store", _url);
        Assert.True(unlock.Exit == 0, unlock.Error);

        // A node that has not heard yet answers "locked" and counts no failure, so trying again is harmless.
        for (var node = 0; node < 2; node++)
        {
            var port = _ports[node];
            Assert.True(await EventuallyAsync(async () => (await SendAsync(port, Password)).Status == "ok"), $"node {node + 1} kept the lockout");
        }
    }

    private async Task StartAsync(int maxFailures)
    {
        Assert.Equal(0, _cli.Run("repositories", "add", Repository, "--store", _url).Exit);
        await using (var store = await PostgresCatalogStore.OpenAsync(PostgresConnectionString.Parse(_url)))
        {
            await store.SaveAccountAsync(new Account(LogonId, Repository, ImportOptions.DefaultProfileName, PasswordHasher.Hash(Password)), default);
        }

        for (var node = 0; node < 2; node++)
        {
            var start = MarcgateProcess.StartInfo(["serve", "--store", _url, "--listen", $"127.0.0.1:{_ports[node]}"]);
            start.Environment["MARCGATE_Logging__LogLevel__Default"] = "Warning";
            start.Environment["MARCGATE_Import__Lockout__MaxFailuresPerLogonId"] = maxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["MARCGATE_Import__Lockout__MaxFailuresPerPeerAddress"] = "1000";
            _nodes[node] = await ServeProcess.StartAsync(start, _hostOutput);
        }
    }

    private async Task<HostReply[]> SendToBothAsync(string password) => [await SendAsync(_ports[0], password), await SendAsync(_ports[1], password)];

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_heardWithin)
        {
            if (await check())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    // One new record per connection, as Connexion sends.
    private async Task<HostReply> SendAsync(int port, string password)
    {
        var number = Interlocked.Increment(ref _nextNumber);
        var record = new MarcRecord(new Leader("00000nam a2200000 a 4500"),
        [
            new ControlField("001", $"ocm{number}"),
            new ControlField("003", "OCoLC"),
            new ControlField("005", "20240101120000.0"),
            new ControlField("008", "240101s2024    ilu           000 0 eng d"),
            new DataField("035", ' ', ' ', [new Subfield('a', $"(OCoLC){number}")]),
            new DataField("040", ' ', ' ', [new Subfield('a', "DLC"), new Subfield('c', "DLC")]),
            new DataField("245", '1', '0', [new Subfield('a', $"Title {number}.")]),
        ]);
        var request = GatewayRequestWriter.Write(new GatewayLogon(LogonId, password, "cataloger"), Iso2709Writer.Write(record), notifyHost: true);
        return await GatewayExchange.SendAsync(port, request) ?? throw new InvalidOperationException("The node closed the connection without a reply.");
    }
}
