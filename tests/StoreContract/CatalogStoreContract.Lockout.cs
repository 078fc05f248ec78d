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

    [Fact]
    public async Task A_logon_id_at_an_address_is_counted_apart_from_the_logon_id_and_the_address()
    {
        var window = TimeSpan.FromMinutes(15);
        var pair = LockoutKey.ForLogonIdAtAddress("NETCAT1", "192.0.2.7");
        await Store.RecordLogonFailureAsync(pair, T0, window, default);
        await Store.RecordLogonFailureAsync(LockoutKey.ForLogonIdAtAddress("NETCAT1", "192.0.2.8"), T0, window, default);

        Assert.Equal(2, await Store.RecordLogonFailureAsync(pair, T0.AddSeconds(1), window, default));
        Assert.Equal(0, await Store.CountLogonFailuresAsync(LockoutKey.ForLogonId("NETCAT1"), T0.AddMinutes(-1), default));
        Assert.Equal(0, await Store.CountLogonFailuresAsync(LockoutKey.ForPeerAddress("192.0.2.7"), T0.AddMinutes(-1), default));
        Assert.True(pair.TryGetLogonIdAndAddress(out var logonId, out var address));
        Assert.Equal(("NETCAT1", "192.0.2.7"), (logonId, address));
    }

    [Fact]
    public async Task A_lockout_keeps_its_latest_end_and_is_listed_until_it_ends()
    {
        var id = LockoutKey.ForLogonId("NETCAT1");
        var pair = LockoutKey.ForLogonIdAtAddress("NETCAT1", "192.0.2.7");
        var address = LockoutKey.ForPeerAddress("192.0.2.9");
        Assert.Null(await Store.GetLogonLockEndAsync(id, default));

        await Store.LockLogonAsync(id, T0.AddMinutes(15), default);
        await Store.LockLogonAsync(id, T0.AddMinutes(10), default);
        await Store.LockLogonAsync(pair, T0.AddMinutes(30), default);
        await Store.LockLogonAsync(address, T0.AddMinutes(5), default);

        Assert.Equal(T0.AddMinutes(15), await Store.GetLogonLockEndAsync(id, default));
        Assert.Null(await Store.GetLogonLockEndAsync(LockoutKey.ForPeerAddress("NETCAT1"), default));
        Assert.Equal(
            [new LogonLock(id, T0.AddMinutes(15)), new LogonLock(address, T0.AddMinutes(5)), new LogonLock(pair, T0.AddMinutes(30))],
            await Store.ListLogonLocksAsync(T0, default));
        Assert.Equal([new LogonLock(pair, T0.AddMinutes(30))], await Store.ListLogonLocksAsync(T0.AddMinutes(15), default));

        await Store.LockLogonAsync(id, T0.AddMinutes(45), default);
        Assert.Equal(T0.AddMinutes(45), await Store.GetLogonLockEndAsync(id, default));
    }

    [Fact]
    public async Task Clearing_a_key_lifts_its_lockout_only()
    {
        var first = LockoutKey.ForLogonIdAtAddress("A1", "192.0.2.7");
        var second = LockoutKey.ForLogonIdAtAddress("A1", "192.0.2.8");
        await Store.RecordLogonFailureAsync(first, T0, TimeSpan.FromMinutes(15), default);
        await Store.LockLogonAsync(first, T0.AddMinutes(15), default);
        await Store.LockLogonAsync(second, T0.AddMinutes(15), default);

        await Store.ClearLogonFailuresAsync(first, default);

        Assert.Null(await Store.GetLogonLockEndAsync(first, default));
        Assert.Equal(0, await Store.CountLogonFailuresAsync(first, T0.AddMinutes(-1), default));
        Assert.Equal(T0.AddMinutes(15), await Store.GetLogonLockEndAsync(second, default));
    }

    [Fact]
    public async Task Ended_lockouts_are_forgotten_when_a_later_failure_is_recorded()
    {
        var ended = LockoutKey.ForPeerAddress("203.0.113.1");
        var running = LockoutKey.ForLogonId("203.0.113.1");
        await Store.LockLogonAsync(ended, T0.AddMinutes(15), default);
        await Store.LockLogonAsync(running, T0.AddHours(2), default);

        await Store.RecordLogonFailureAsync(LockoutKey.ForPeerAddress("203.0.113.2"), T0.AddHours(1), TimeSpan.FromMinutes(15), default);

        Assert.Null(await Store.GetLogonLockEndAsync(ended, default));
        Assert.Equal(T0.AddHours(2), await Store.GetLogonLockEndAsync(running, default));
    }

    [Fact]
    public async Task Successful_logons_are_remembered_per_logon_id_and_address_keeping_the_latest()
    {
        Assert.Null(await Store.GetLastLogonSuccessAsync("NETCAT1", "192.0.2.7", default));

        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.7", T0.AddDays(2), default);
        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.7", T0.AddDays(1), default);
        await Store.RecordLogonSuccessAsync("NETCAT2", "192.0.2.8", T0, default);

        Assert.Equal(T0.AddDays(2), await Store.GetLastLogonSuccessAsync("NETCAT1", "192.0.2.7", default));
        Assert.Null(await Store.GetLastLogonSuccessAsync("NETCAT1", "192.0.2.8", default));
        Assert.Null(await Store.GetLastLogonSuccessAsync("NETCAT2", "192.0.2.7", default));
        Assert.Equal(T0, await Store.GetLastLogonSuccessAsync("NETCAT2", "192.0.2.8", default));

        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.7", T0.AddDays(3), default);
        Assert.Equal(T0.AddDays(3), await Store.GetLastLogonSuccessAsync("NETCAT1", "192.0.2.7", default));
    }

    [Fact]
    public async Task Known_addresses_last_used_before_a_time_are_forgotten_and_later_ones_kept()
    {
        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.7", T0, default);
        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.8", T0.AddDays(40), default);
        await Store.RecordLogonSuccessAsync("NETCAT2", "192.0.2.7", T0.AddDays(10), default);

        Assert.Equal(2, await Store.ForgetLogonSuccessesAsync(T0.AddDays(10).AddTicks(10), default));

        Assert.Null(await Store.GetLastLogonSuccessAsync("NETCAT1", "192.0.2.7", default));
        Assert.Null(await Store.GetLastLogonSuccessAsync("NETCAT2", "192.0.2.7", default));
        Assert.Equal(T0.AddDays(40), await Store.GetLastLogonSuccessAsync("NETCAT1", "192.0.2.8", default));
        Assert.Equal(0, await Store.ForgetLogonSuccessesAsync(T0.AddDays(10), default));
    }

    [Fact]
    public async Task Known_addresses_are_listed_by_logon_id_then_address_with_their_latest_time()
    {
        Assert.Empty(await Store.ListKnownAddressesAsync(default));
        await Store.RecordLogonSuccessAsync("NETCAT2", "192.0.2.7", T0, default);
        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.9", T0.AddMinutes(1), default);
        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.10", T0.AddMinutes(2), default);
        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.9", T0.AddMinutes(5), default);
        await Store.RecordLogonSuccessAsync("NETCAT1", "192.0.2.9", T0.AddMinutes(3), default);

        await ReopenAsync();

        Assert.Equal(
            [
                new KnownAddress("NETCAT1", "192.0.2.10", T0.AddMinutes(2)),
                new KnownAddress("NETCAT1", "192.0.2.9", T0.AddMinutes(5)),
                new KnownAddress("NETCAT2", "192.0.2.7", T0),
            ],
            await Store.ListKnownAddressesAsync(default));
    }
}
