using System.Net;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>The lockout model of gateway §7 step 1 over real sockets: strangers on other loopback addresses guess the owner's logon ID.</summary>
public sealed class LockoutOverLoopbackTests
{
    private static readonly IPAddress s_owner = IPAddress.Parse("127.0.0.1");

    // Short delays: the rule is tested in Marcgate.Catalog.Tests on a manual clock; here only the sockets' view matters.
    private static ImportOptions Options() => new() { Lockout = new LockoutOptions { FailureDelay = TimeSpan.FromMilliseconds(5), MaxFailureDelay = TimeSpan.FromMilliseconds(50) } };

    [Fact]
    public async Task A_strangers_failures_from_another_address_do_not_stop_the_owner_who_logged_on_before()
    {
        await using var host = await CatalogHost.StartAsync(Options());
        var first = await host.SendAsync(Records.Sample, from: s_owner);
        Assert.Equal("ok", first.Status);

        var stranger = IPAddress.Parse("127.0.0.2");
        var answers = new List<string?>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await host.SendAsync(Records.Sample, password: "guess" + i, from: stranger)).Code);
        }

        var owner = await host.SendAsync(Records.Sample, from: s_owner);
        var strangerWithTheRightPassword = await host.SendAsync(Records.Sample, from: stranger);

        Assert.Equal([.. Enumerable.Repeat("logon-failed", 5), .. Enumerable.Repeat("locked-out", 3)], answers);
        Assert.Equal("ok", owner.Status);
        Assert.Equal("locked-out", strangerWithTheRightPassword.Code);
    }

    [Fact]
    public async Task Guesses_spread_over_many_addresses_lock_new_addresses_out_but_not_the_owners()
    {
        await using var host = await CatalogHost.StartAsync(Options());
        Assert.Equal("ok", (await host.SendAsync(Records.Sample, from: s_owner)).Status);

        for (var i = 0; i < 10; i++)
        {
            var stranger = IPAddress.Parse($"127.0.0.{2 + (i % 4)}");
            Assert.Equal("logon-failed", (await host.SendAsync(Records.Sample, password: "guess" + i, from: stranger)).Code);
        }

        var owner = await host.SendAsync(Records.Sample, from: s_owner);
        var newAddress = await host.SendAsync(Records.Sample, from: IPAddress.Parse("127.0.0.9"));

        Assert.Equal("ok", owner.Status);
        Assert.Equal("locked-out", newAddress.Code);
        var locks = await host.Store.ListLogonLocksAsync(DateTimeOffset.UtcNow, default);
        Assert.Contains(new LockoutKey(LockoutScope.LogonId, CatalogHost.LogonId), locks.Select(l => l.Key));
    }
}
