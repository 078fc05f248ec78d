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
    public async Task Without_a_default_account_raw_requests_stay_refused()
    {
        await using var host = await CatalogHost.StartAsync();

        var reply = await SendRawAsync(host, IPAddress.Loopback);

        Assert.Equal("logon-failed", reply.Code);
        Assert.Contains("no logon ID was sent", reply.HumanLine, StringComparison.Ordinal);
    }

    private static async Task<Reply> SendRawAsync(CatalogHost host, IPAddress from)
    {
        await using var client = await GatewayTestClient.ConnectAsync(host.EndPoint, from);
        await client.SendAsync(Records.Concat(Records.Sample, [0]));
        return Reply.Parse(await client.ReadReplyAsync());
    }
}
