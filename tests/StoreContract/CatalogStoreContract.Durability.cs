using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Everything_committed_is_there_after_reopening()
    {
        var original = await AddedAsync(Network, "before", 600);
        await Store.CommitAsync(Overlay(original, "after", 600, 601), default);
        await Store.SaveProfileAsync(new ImportProfile("default") { FieldsToDelete = ["938"] }, default);
        await Store.SaveAccountAsync(new Account("NETCAT1", Network, "default", new PasswordHash([1, 2, 3], [4, 5, 6], 210_000)), default);
        await Store.AddReviewItemAsync(new ReviewItem(Network, Content("review"), [original.Id], "Several matches.", T0), default);
        await Store.RecordLogonFailureAsync(LockoutKey.ForPeerAddress("192.0.2.66"), T0, TimeSpan.FromMinutes(15), default);

        await ReopenAsync();

        var record = Assert.Single(await Store.FindByOclcNumbersAsync(Network, Numbers(601), default));
        Assert.Equal(Content("after"), record.Content.ToArray());
        Assert.Equal(2, (await Store.GetHistoryAsync(Network, record.Id, default)).Count);
        Assert.Equal(["938"], (await Store.GetProfileAsync("default", default))!.FieldsToDelete);
        Assert.Equal(Network, (await Store.FindAccountAsync("NETCAT1", default))!.Repository);
        Assert.Single(await Store.ListReviewItemsAsync(Network, 10, default));
        Assert.Equal(2, (await Store.GetLastReceiptsAsync(10, default)).Count);
        Assert.Equal(1, await Store.CountLogonFailuresAsync(LockoutKey.ForPeerAddress("192.0.2.66"), T0, default));
        Assert.Equal([Network, Sandbox], (await Store.ListRepositoriesAsync(default)).Select(r => r.Name));

        // Ids keep growing after a reopen; none is reused.
        var next = await Store.CommitAsync(Add(Network, "next", 602), default);
        Assert.True(next.RecordId!.Value.Value > record.Id.Value);
    }

    [Fact]
    public async Task A_closed_store_refuses_work()
    {
        var store = Store;
        await store.DisposeAsync();

        // The refusal comes as a faulted task, as any other failure of an async call does.
        var commit = store.CommitAsync(Add(Network, "late", 1), default);
        var count = store.CountRecordsAsync(Network, default);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => commit);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => count);
        await store.DisposeAsync();
    }
}
