using System.Net;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>Raw requests (gateway §2: Evergreen's "Connection" destination, or Send Logon ID off) on a listener with a default account.</summary>
public sealed class DefaultAccountTests
{
    private const string Evergreen = "EVERGREEN_RAW";

    [Fact]
    public async Task A_raw_request_is_stored_as_the_default_account_from_an_allowed_address_only()
    {
        await using var host = await CatalogHost.StartAsync(configure: o => o.DefaultAccount = Evergreen);
        await host.Store.SaveAccountAsync(new Account(Evergreen, CatalogHost.Repository, ImportOptions.DefaultProfileName, PasswordHasher.Hash("unused-by-raw-clients")) { AllowedAddresses = ["127.0.0.1"] }, default);

        var allowed = await SendRawAsync(host, IPAddress.Loopback);
        var other = await SendRawAsync(host, IPAddress.Parse("127.0.0.2"));

        Assert.Equal(("ok", "added"), (allowed.Status, allowed.Action));
        Assert.Equal("not-authorized", other.Code);
        var receipts = await host.Store.GetLastReceiptsAsync(2, default);
        Assert.Equal([Evergreen, null], receipts.Select(r => r.LogonId));
    }

    [Fact]
    public async Task A_listener_that_names_its_own_default_account_uses_it_and_the_other_listener_keeps_refusing()
    {
        // The Evergreen site's raw destination sends to its own listener on 127.0.0.2; 127.0.0.1 names no account.
        await using var host = await CatalogHost.StartAsync(configure: o =>
        {
            o.Listen = ["127.0.0.1:0", "127.0.0.2:0"];
            o.DefaultAccounts = [$"127.0.0.2:0={Evergreen}"];
        });
        await host.Store.SaveAccountAsync(new Account(Evergreen, CatalogHost.Repository, ImportOptions.DefaultProfileName, PasswordHasher.Hash("unused-by-raw-clients")) { AllowedAddresses = ["127.0.0.1"] }, default);

        var named = await SendRawAsync(host.Server.EndPoints[1], IPAddress.Loopback);
        var unnamed = await SendRawAsync(host.Server.EndPoints[0], IPAddress.Loopback);

        Assert.Equal(("ok", "added"), (named.Status, named.Action));
        Assert.Equal("logon-failed", unnamed.Code);
    }

    [Theory]
    [InlineData("127.0.0.1:5510", "is not ADDR:PORT=LOGONID")]
    [InlineData("127.0.0.1:5510=", "is not ADDR:PORT=LOGONID")]
    [InlineData("host:5510=EVERGREEN_RAW", "is not an IP address")]
    [InlineData("127.0.0.1:5511=EVERGREEN_RAW", "which is not one of the listeners (127.0.0.1:5510)")]
    public void A_default_account_entry_must_name_a_listener_and_an_account(string entry, string problem)
    {
        var options = new GatewayHostOptions { Listen = ["127.0.0.1:5510"], DefaultAccounts = [entry] };

        var refusal = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(problem, refusal.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(GatewayHostOptions.DefaultAccounts), refusal.ParamName);
    }

    [Fact]
    public void A_listener_not_named_in_DefaultAccounts_uses_DefaultAccount()
    {
        var options = new GatewayHostOptions { Listen = ["0.0.0.0:5500", "0.0.0.0:5510"], DefaultAccount = "ALL_RAW", DefaultAccounts = ["*:5510=EVERGREEN_RAW"] };

        Assert.Equal(("ALL_RAW", "EVERGREEN_RAW"), (options.DefaultAccountFor("0.0.0.0:5500"), options.DefaultAccountFor("0.0.0.0:5510")));
    }

    [Fact]
    public async Task Without_a_default_account_raw_requests_stay_refused()
    {
        await using var host = await CatalogHost.StartAsync();

        var reply = await SendRawAsync(host, IPAddress.Loopback);

        Assert.Equal("logon-failed", reply.Code);
        Assert.Contains("no logon ID was sent", reply.HumanLine, StringComparison.Ordinal);
    }

    private static Task<Reply> SendRawAsync(CatalogHost host, IPAddress from) => SendRawAsync(host.EndPoint, from);

    private static async Task<Reply> SendRawAsync(IPEndPoint listener, IPAddress from)
    {
        await using var client = await GatewayTestClient.ConnectAsync(listener, from);
        await client.SendAsync(Records.Concat(Records.Sample, [0]));
        return Reply.Parse(await client.ReadReplyAsync());
    }
}
