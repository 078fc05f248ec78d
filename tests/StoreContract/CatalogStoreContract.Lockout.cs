using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Logon_failures_are_counted_inside_the_window_only()
    {
        var key = LockoutKey.ForLogonId("NETCAT1");
        var window = TimeSpan.FromMinutes(15);

        Assert.Equal(1, await Store.RecordLogonFailureAsync(key, T0, window, default));
        Assert.Equal(2, await Store.RecordLogonFailureAsync(key, T0.AddMinutes(5), window, default));
        Assert.Equal(3, await Store.RecordLogonFailureAsync(key, T0.AddMinutes(10), window, default));

        // At T0+15 min the first failure is exactly one window old and no longer counts.
        Assert.Equal(3, await Store.RecordLogonFailureAsync(key, T0.AddMinutes(15), window, default));
        Assert.Equal(1, await Store.RecordLogonFailureAsync(key, T0.AddHours(2), window, default));
        Assert.Equal(1, await Store.CountLogonFailuresAsync(key, T0.AddHours(2), default));
        Assert.Equal(0, await Store.CountLogonFailuresAsync(key, T0.AddHours(2).AddTicks(10), default));
    }

    [Fact]
    public async Task Logon_ids_and_peer_addresses_are_counted_apart()
    {
        var window = TimeSpan.FromMinutes(15);
        var logon = LockoutKey.ForLogonId("192.0.2.7");
        var peer = LockoutKey.ForPeerAddress("192.0.2.7");

        await Store.RecordLogonFailureAsync(logon, T0, window, default);
        await Store.RecordLogonFailureAsync(peer, T0, window, default);
        await Store.RecordLogonFailureAsync(peer, T0.AddSeconds(1), window, default);

        Assert.Equal(1, await Store.CountLogonFailuresAsync(logon, T0.AddMinutes(-1), default));
        Assert.Equal(2, await Store.CountLogonFailuresAsync(peer, T0.AddMinutes(-1), default));
        Assert.Equal(1, await Store.CountLogonFailuresAsync(peer, T0.AddSeconds(1), default));
        Assert.Equal(0, await Store.CountLogonFailuresAsync(LockoutKey.ForPeerAddress("192.0.2.8"), T0.AddMinutes(-1), default));
    }

    [Fact]
    public async Task Clearing_forgets_one_key_only()
    {
        var window = TimeSpan.FromMinutes(15);
        var first = LockoutKey.ForLogonId("A1");
        var second = LockoutKey.ForLogonId("A2");
        await Store.RecordLogonFailureAsync(first, T0, window, default);
        await Store.RecordLogonFailureAsync(first, T0.AddSeconds(1), window, default);
        await Store.RecordLogonFailureAsync(second, T0, window, default);

        await Store.ClearLogonFailuresAsync(first, default);

        Assert.Equal(0, await Store.CountLogonFailuresAsync(first, T0.AddMinutes(-1), default));
        Assert.Equal(1, await Store.CountLogonFailuresAsync(second, T0.AddMinutes(-1), default));
        Assert.Equal(1, await Store.RecordLogonFailureAsync(first, T0.AddSeconds(2), window, default));
    }

    [Fact]
    public async Task Stale_failures_of_other_keys_of_the_scope_are_forgotten_too()
    {
        var window = TimeSpan.FromMinutes(15);
        var once = LockoutKey.ForPeerAddress("203.0.113.1");
        await Store.RecordLogonFailureAsync(once, T0, window, default);
        await Store.RecordLogonFailureAsync(LockoutKey.ForLogonId("203.0.113.1"), T0, window, default);

        await Store.RecordLogonFailureAsync(LockoutKey.ForPeerAddress("203.0.113.2"), T0.AddDays(1), window, default);

        Assert.Equal(0, await Store.CountLogonFailuresAsync(once, T0.AddDays(-1), default));
        Assert.Equal(1, await Store.CountLogonFailuresAsync(LockoutKey.ForLogonId("203.0.113.1"), T0.AddDays(-1), default));
    }
}
