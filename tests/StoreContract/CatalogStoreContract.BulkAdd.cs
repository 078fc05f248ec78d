using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Records_added_together_are_stored_in_order_with_their_numbers_versions_and_receipts()
    {
        var before = await AddedAsync(Network, "before", 100);
        RecordCommit[] commits =
        [
            Add(Network, "first", 101, 102) with { CorrelationId = "01KBV0RR00000001", Message = "The record has been processed successfully (NETWORK)." },
            Add(Network, "second", 103) with { LogonId = null, UserId = null },
            Add(Network, "unnumbered"),
        ];

        var results = await Store.AddRecordsAsync(commits, default);

        Assert.NotNull(results);
        Assert.All(results, r => Assert.Equal((CommitStatus.Added, 1), (r.Status, r.Version)));
        var ids = results.Select(r => r.RecordId!.Value.Value).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.True(ids[0] > before.Id.Value);
        await ReopenAsync();

        var first = (await Store.GetRecordAsync(Network, results[0].RecordId!.Value, default))!;
        Assert.Equal("first", System.Text.Encoding.UTF8.GetString(first.Content.Span));
        Assert.Equal(Numbers(101, 102), first.OclcNumbers);
        Assert.Equal([first.Id], (await Store.FindByOclcNumbersAsync(Network, Numbers(102), default)).Select(r => r.Id));
        Assert.Equal([results[1].RecordId!.Value], (await Store.FindByOclcNumbersAsync(Network, Numbers(103), default)).Select(r => r.Id));
        var version = Assert.Single(await Store.GetHistoryAsync(Network, first.Id, default));
        Assert.Equal((RecordAction.Added, "cataloger1", "jdoe", Sha256Hex(Content("first"))), (version.Action, version.LogonId, version.UserId, version.ContentHash));
        Assert.Equal(first.Created, version.At);
        var second = Assert.Single(await Store.GetHistoryAsync(Network, results[1].RecordId!.Value, default));
        Assert.Null(second.LogonId);
        Assert.Null(second.UserId);
        Assert.Equal(4, await Store.CountRecordsAsync(Network, default));

        var receipts = await Store.GetLastReceiptsAsync(3, default);
        Assert.Equal(results.Select(r => r.ReceiptId), receipts.Select(r => (long?)r.Id));
        Assert.All(receipts, r => Assert.Equal((true, "added", Network, T0, "192.0.2.10"), (r.Ok, r.Action, r.Repository, r.At, r.PeerAddress)));
        Assert.Equal(results.Select(r => r.RecordId), receipts.Select(r => r.RecordId));
        Assert.Equal([new OclcNumber(101), new OclcNumber(103), null], receipts.Select(r => r.OclcNumber));
        Assert.Equal(["01KBV0RR00000001", null, null], receipts.Select(r => r.CorrelationId));
        Assert.Equal("The record has been processed successfully (NETWORK).", receipts[0].Message);

        // One by one after them: new ids follow, and the numbers they took are theirs.
        var later = await Store.CommitAsync(Add(Network, "later", 200), default);
        Assert.True(later.RecordId!.Value.Value > ids[^1]);
        Assert.Equal(CommitStatus.OclcNumberConflict, (await Store.CommitAsync(Add(Network, "again", 103), default)).Status);
    }

    [Fact]
    public async Task Records_added_together_store_nothing_when_another_record_holds_one_of_their_numbers()
    {
        await AddedAsync(Network, "holder", 101);
        await AddedAsync(Sandbox, "elsewhere", 300);
        var receipts = (await Store.GetLastReceiptsAsync(100, default)).Count;

        var refused = await Store.AddRecordsAsync([Add(Network, "new", 200), Add(Network, "clash", 300, 101)], default);
        var otherRepository = await Store.AddRecordsAsync([Add(Network, "fine", 300)], default);

        Assert.Null(refused);
        Assert.NotNull(otherRepository);
        Assert.Equal(2, await Store.CountRecordsAsync(Network, default));
        Assert.Empty(await Store.FindByOclcNumbersAsync(Network, Numbers(200), default));
        Assert.Equal(receipts + 1, (await Store.GetLastReceiptsAsync(100, default)).Count);
        var none = await Store.AddRecordsAsync([], default);
        Assert.NotNull(none);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Records_added_together_must_be_new_records_of_one_repository_with_numbers_of_their_own()
    {
        var existing = await AddedAsync(Network, "existing", 101);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddRecordsAsync([Add(Network, "a", 200), Overlay(existing, "b", 101)], default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddRecordsAsync([Add(Network, "a") with { MatchOnContent = true }], default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddRecordsAsync([Add(Network, "a", 200), Add(Sandbox, "b", 201)], default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddRecordsAsync([Add(Network, "a", 200, 201), Add(Network, "b", 201)], default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddRecordsAsync([Add(Network, string.Empty, 200)], default));
        await Assert.ThrowsAsync<UnknownRepositoryException>(() => Store.AddRecordsAsync([Add("NOWHERE", "a", 200)], default));
        Assert.Equal(1, await Store.CountRecordsAsync(Network, default));
    }
}
