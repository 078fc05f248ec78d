using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task A_profile_is_removed_by_name_once()
    {
        await Store.SaveProfileAsync(new ImportProfile("consortium"), default);
        await Store.SaveProfileAsync(new ImportProfile("sandbox"), default);

        Assert.True(await Store.RemoveProfileAsync("consortium", default));
        Assert.False(await Store.RemoveProfileAsync("consortium", default));
        Assert.False(await Store.RemoveProfileAsync("SANDBOX", default));

        Assert.Null(await Store.GetProfileAsync("consortium", default));
        Assert.Equal(["sandbox"], (await Store.ListProfilesAsync(default)).Select(p => p.Name));
    }

    [Fact]
    public async Task A_repository_is_removed_with_its_records_history_and_review_items_but_not_its_receipts()
    {
        var record = await AddedAsync(Sandbox, "sandbox v1", 11);
        await Store.CommitAsync(Overlay(record, "sandbox v2", 11, 12), default);
        var kept = await AddedAsync(Network, "network record", 11);
        await Store.AddReviewItemAsync(new ReviewItem(Sandbox, Content("ambiguous"), [record.Id], "Several matches.", T0), default);
        var receiptsBefore = (await Store.GetLastReceiptsAsync(100, default)).Count;

        Assert.True(await Store.RemoveRepositoryAsync(Sandbox, default));
        Assert.False(await Store.RemoveRepositoryAsync(Sandbox, default));

        Assert.False(await Store.RepositoryExistsAsync(Sandbox, default));
        Assert.Equal([Network], (await Store.ListRepositoriesAsync(default)).Select(r => r.Name));
        Assert.Equal(0, await Store.CountRecordsAsync(Sandbox, default));
        Assert.Null(await Store.GetRecordAsync(Sandbox, record.Id, default));
        Assert.Empty(await Store.GetHistoryAsync(Sandbox, record.Id, default));
        Assert.Empty(await Store.FindByOclcNumbersAsync(Sandbox, Numbers(11, 12), default));
        Assert.Empty(await Store.ListReviewItemsAsync(null, 10, default));
        Assert.Equal(receiptsBefore, (await Store.GetLastReceiptsAsync(100, default)).Count);
        Assert.Equal([kept.Id], (await Store.FindByOclcNumbersAsync(Network, Numbers(11), default)).Select(r => r.Id));
        await Assert.ThrowsAsync<UnknownRepositoryException>(() => Store.CommitAsync(Add(Sandbox, "again", 11), default));
    }

    [Fact]
    public async Task A_removed_repository_can_be_added_again_empty()
    {
        await AddedAsync(Sandbox, "sandbox record", 11);
        Assert.True(await Store.RemoveRepositoryAsync(Sandbox, default));

        Assert.True(await Store.AddRepositoryAsync(Sandbox, T0.AddDays(1), default));

        Assert.Equal(0, await Store.CountRecordsAsync(Sandbox, default));
        Assert.Equal(CommitStatus.Added, (await Store.CommitAsync(Add(Sandbox, "sandbox record", 11), default)).Status);
    }

    [Fact]
    public async Task A_repository_an_account_writes_to_is_not_removed()
    {
        await AddedAsync(Sandbox, "sandbox record", 11);
        await Store.SaveAccountAsync(new Account("SANDCAT", Sandbox, "default", Hash(3)), default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RemoveRepositoryAsync(Sandbox, default));

        Assert.True(await Store.RepositoryExistsAsync(Sandbox, default));
        Assert.Equal(1, await Store.CountRecordsAsync(Sandbox, default));

        Assert.True(await Store.RemoveAccountAsync("SANDCAT", default));
        Assert.True(await Store.RemoveRepositoryAsync(Sandbox, default));
    }
}
