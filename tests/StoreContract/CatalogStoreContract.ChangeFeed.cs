using System.Collections.Concurrent;
using System.Diagnostics;
using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    // Bounds the wait for a change made through another store instance; the feed's own delay is far shorter.
    private static readonly TimeSpan s_heardWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Changes_made_through_the_store_are_announced_by_the_time_the_write_returns()
    {
        Assert.True(Store.Changes.IsListening);
        var heard = new ChangeRecorder(Store.Changes);

        await Store.AddRepositoryAsync("FEED", T0, default);
        Assert.True(heard.Take(CatalogChanges.Repositories));

        await Store.SaveProfileAsync(new ImportProfile("feed"), default);
        Assert.True(heard.Take(CatalogChanges.Profiles));

        await Store.SaveAccountAsync(new Account("FEEDCAT", "FEED", "feed", Hash(3)), default);
        Assert.True(heard.Take(CatalogChanges.Accounts));

        await Store.UpdatePasswordAsync("FEEDCAT", Hash(5), default);
        Assert.True(heard.Take(CatalogChanges.Accounts));

        var key = LockoutKey.ForLogonId("FEEDCAT");
        await Store.RecordLogonFailureAsync(key, T0, TimeSpan.FromMinutes(15), default);
        Assert.True(heard.Take(CatalogChanges.Lockouts));

        await Store.ClearLogonFailuresAsync(key, default);
        Assert.True(heard.Take(CatalogChanges.Lockouts));

        Assert.True(await Store.RemoveAccountAsync("FEEDCAT", default));
        Assert.True(heard.Take(CatalogChanges.Accounts));

        Assert.True(await Store.RemoveProfileAsync("feed", default));
        Assert.True(heard.Take(CatalogChanges.Profiles));

        Assert.True(await Store.RemoveRepositoryAsync("FEED", default));
        Assert.True(heard.Take(CatalogChanges.Repositories));
    }

    [Fact]
    public async Task Changes_made_through_another_store_on_the_same_catalog_are_announced()
    {
        await Store.SaveAccountAsync(new Account("FEEDCAT", Network, "default", Hash(3)), default);
        var heard = new ChangeRecorder(Store.Changes);
        await using var other = await OpenStoreAsync();

        // Each kind on its own, so each announcement is the other store's change and not an echo of an earlier one.
        await other.UpdatePasswordAsync("FEEDCAT", Hash(5), default);
        Assert.True(await heard.WaitForAsync(CatalogChanges.Accounts));

        await other.SaveProfileAsync(new ImportProfile("feed"), default);
        Assert.True(await heard.WaitForAsync(CatalogChanges.Profiles));

        await other.AddRepositoryAsync("FEED", T0, default);
        Assert.True(await heard.WaitForAsync(CatalogChanges.Repositories));

        // An unlock: failures recorded, then cleared, elsewhere.
        var key = LockoutKey.ForLogonId("FEEDCAT");
        await other.RecordLogonFailureAsync(key, T0, TimeSpan.FromMinutes(15), default);
        Assert.True(await heard.WaitForAsync(CatalogChanges.Lockouts));
        await other.ClearLogonFailuresAsync(key, default);
        Assert.True(await heard.WaitForAsync(CatalogChanges.Lockouts));

        await other.RemoveAccountAsync("FEEDCAT", default);
        Assert.True(await heard.WaitForAsync(CatalogChanges.Accounts));
    }

    [Fact]
    public async Task Record_commits_and_reads_announce_no_change_of_settings()
    {
        await AddedAsync(Network, "first", 501);
        var heard = new ChangeRecorder(Store.Changes);

        await AddedAsync(Network, "second", 502);
        await Store.AppendReceiptAsync(new Receipt(T0, "192.0.2.10", "cataloger1", null, Ok: false) { Code = "invalid" }, default);
        await Store.FindAccountAsync("nobody", default);
        await Store.ListRepositoriesAsync(default);

        // A change made through another store afterwards is heard after anything the commits would have announced.
        await using var other = await OpenStoreAsync();
        await other.SaveProfileAsync(new ImportProfile("marker"), default);
        Assert.True(await heard.WaitForAsync(CatalogChanges.Profiles, clear: false));
        Assert.All(heard.Heard, changes => Assert.Equal(CatalogChanges.Profiles, changes));
    }

    /// <summary>Collects what a feed announces, for a test to take kind by kind.</summary>
    private sealed class ChangeRecorder
    {
        private readonly ConcurrentQueue<CatalogChanges> _heard = new();

        public ChangeRecorder(ICatalogChangeFeed feed) => feed.Changed += _heard.Enqueue;

        /// <summary>Whether any of the kinds was heard since the last take of them; forgets everything heard.</summary>
        public bool Take(CatalogChanges kinds)
        {
            var found = false;
            while (_heard.TryDequeue(out var changes))
            {
                found |= (changes & kinds) != 0;
            }

            return found;
        }

        public CatalogChanges[] Heard => [.. _heard];

        public async Task<bool> WaitForAsync(CatalogChanges kind, bool clear = true)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < s_heardWithin)
            {
                if (_heard.Any(changes => (changes & kind) != 0))
                {
                    if (clear)
                    {
                        _heard.Clear();
                    }

                    return true;
                }

                await Task.Delay(10);
            }

            return false;
        }
    }
}
