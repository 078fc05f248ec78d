using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task An_added_record_is_version_1_with_its_numbers_hash_and_receipt()
    {
        var before = DateTimeOffset.UtcNow;
        var result = await Store.CommitAsync(Add(Network, "record one", 63111280, 12345, 999), default);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(CommitStatus.Added, result.Status);
        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Version);
        Assert.NotNull(result.ReceiptId);
        var record = await Store.GetRecordAsync(Network, result.RecordId!.Value, default);
        Assert.NotNull(record);
        Assert.Equal(Content("record one"), record.Content.ToArray());
        Assert.Equal(Sha256Hex(Content("record one")), record.ContentHash);
        Assert.Equal(Numbers(999, 12345, 63111280), record.OclcNumbers);
        Assert.Equal(1, record.Version);
        // The time is the store's clock as it committed, not the commit's (T0): one clock for every host node.
        Assert.InRange(record.Created, before.AddSeconds(-1), after.AddSeconds(1));
        Assert.Equal(record.Created, record.Updated);
        Assert.Equal(1, await Store.CountRecordsAsync(Network, default));
        Assert.Equal(0, await Store.CountRecordsAsync(Sandbox, default));

        var receipt = Assert.Single(await Store.GetLastReceiptsAsync(10, default));
        Assert.Equal(result.ReceiptId, receipt.Id);
        Assert.True(receipt.Ok);
        Assert.Equal("added", receipt.Action);
        Assert.Equal(result.RecordId, receipt.RecordId);
        Assert.Equal(new OclcNumber(63111280), receipt.OclcNumber);
        Assert.Equal(Network, receipt.Repository);
        Assert.Equal("192.0.2.10", receipt.PeerAddress);
        Assert.Equal("cataloger1", receipt.LogonId);
        Assert.Equal("jdoe", receipt.UserId);
    }

    [Fact]
    public async Task Records_are_found_by_any_of_their_numbers_within_their_repository_only()
    {
        var first = await AddedAsync(Network, "first", 100, 101);
        var second = await AddedAsync(Network, "second", 200);
        await AddedAsync(Sandbox, "sandbox copy", 100);

        Assert.Equal([first.Id], (await Store.FindByOclcNumbersAsync(Network, Numbers(101), default)).Select(r => r.Id));
        Assert.Equal([first.Id, second.Id], (await Store.FindByOclcNumbersAsync(Network, Numbers(200, 100, 101, 7), default)).Select(r => r.Id));
        Assert.Empty(await Store.FindByOclcNumbersAsync(Network, Numbers(7), default));
        Assert.Empty(await Store.FindByOclcNumbersAsync(Network, [], default));
        var sandbox = Assert.Single(await Store.FindByOclcNumbersAsync(Sandbox, Numbers(100), default));
        Assert.Equal(Content("sandbox copy"), sandbox.Content.ToArray());
        Assert.Null(await Store.GetRecordAsync(Network, sandbox.Id, default));
        Assert.Empty(await Store.GetHistoryAsync(Network, sandbox.Id, default));
    }

    [Fact]
    public async Task Versions_are_in_time_order_whatever_the_clocks_of_the_hosts_that_committed_them()
    {
        // Hosts whose clocks are a day ahead and a day behind commit in turn: the store's clock orders the versions.
        var added = await Store.CommitAsync(Add(Network, "v1", 640) with { At = DateTimeOffset.UtcNow.AddDays(1) }, default);
        var record = (await Store.GetRecordAsync(Network, added.RecordId!.Value, default))!;
        for (var i = 2; i <= 6; i++)
        {
            var skew = i % 2 == 0 ? TimeSpan.FromDays(-1) : TimeSpan.FromDays(1);
            var result = await Store.CommitAsync(Overlay(record, $"v{i}", 640) with { At = DateTimeOffset.UtcNow + skew }, default);
            Assert.Equal(CommitStatus.Overlaid, result.Status);
            record = (await Store.GetRecordAsync(Network, record.Id, default))!;
        }

        var history = await Store.GetHistoryAsync(Network, record.Id, default);
        Assert.Equal(6, history.Count);
        for (var v = 1; v < history.Count; v++)
        {
            Assert.True(history[v].At > history[v - 1].At, $"version {v + 1} at {history[v].At:O} is not after version {v} at {history[v - 1].At:O}");
        }

        Assert.Equal(history[^1].At, record.Updated);
        Assert.Equal(history[0].At, record.Created);
    }

    [Fact]
    public async Task A_version_follows_the_one_before_it_even_when_that_one_is_later_than_the_store_clock()
    {
        // A record copied from a store whose clock ran ahead (or written by an older host) holds a version in the future:
        // the next version is one microsecond after it, never before.
        var future = DateTimeOffset.UtcNow.AddDays(2);
        var futureUs = new DateTimeOffset(future.UtcTicks - (future.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
        var copied = new StoredRecord(new RecordId(7001), Network, 1, Content("copied"), Sha256Hex(Content("copied")), Numbers(650), futureUs, futureUs);
        Assert.True(await Store.ImportRecordHistoryAsync(copied, [new RecordVersion(copied.Id, 1, Content("copied"), Sha256Hex(Content("copied")), futureUs, RecordAction.Added, null, null)], default));

        var result = await Store.CommitAsync(Overlay(copied, "next", 650), default);

        Assert.Equal(CommitStatus.Overlaid, result.Status);
        var history = await Store.GetHistoryAsync(Network, copied.Id, default);
        Assert.Equal(futureUs.AddTicks(TimeSpan.TicksPerMicrosecond), history[1].At);
    }

    [Fact]
    public async Task An_overlay_keeps_the_previous_version_and_moves_the_index()
    {
        var original = await AddedAsync(Network, "version one", 500, 501);
        var overlay = Overlay(original, "version two", 500, 502) with { LogonId = "cataloger2", UserId = null };

        var result = await Store.CommitAsync(overlay, default);

        Assert.Equal(CommitStatus.Overlaid, result.Status);
        Assert.Equal(original.Id, result.RecordId);
        Assert.Equal(2, result.Version);
        var current = await Store.GetRecordAsync(Network, original.Id, default);
        Assert.Equal(Content("version two"), current!.Content.ToArray());
        Assert.Equal(2, current.Version);
        Assert.Equal(original.Created, current.Created);
        Assert.True(current.Updated > original.Updated);
        Assert.Equal(Numbers(500, 502), current.OclcNumbers);
        Assert.Empty(await Store.FindByOclcNumbersAsync(Network, Numbers(501), default));

        var history = await Store.GetHistoryAsync(Network, original.Id, default);
        Assert.Equal([1, 2], history.Select(v => v.Version));
        Assert.Equal(Content("version one"), history[0].Content.ToArray());
        Assert.Equal(RecordAction.Added, history[0].Action);
        Assert.Equal("cataloger1", history[0].LogonId);
        Assert.Equal("jdoe", history[0].UserId);
        Assert.Equal(original.Created, history[0].At);
        Assert.Equal(current.Updated, history[1].At);
        Assert.Equal(Content("version two"), history[1].Content.ToArray());
        Assert.Equal(Sha256Hex(Content("version two")), history[1].ContentHash);
        Assert.Equal(RecordAction.Overlaid, history[1].Action);
        Assert.Equal("cataloger2", history[1].LogonId);
        Assert.Null(history[1].UserId);
        Assert.Equal("overlaid", (await Store.GetLastReceiptsAsync(1, default))[0].Action);
    }

    [Fact]
    public async Task The_same_content_again_is_unchanged_and_stores_nothing_new()
    {
        var original = await AddedAsync(Network, "same", 42);

        var result = await Store.CommitAsync(Overlay(original, "same", 42), default);

        Assert.Equal(CommitStatus.Unchanged, result.Status);
        Assert.True(result.Succeeded);
        Assert.Equal(original.Id, result.RecordId);
        Assert.Equal(1, result.Version);
        Assert.Single(await Store.GetHistoryAsync(Network, original.Id, default));
        Assert.Equal(1, (await Store.GetRecordAsync(Network, original.Id, default))!.Version);
        var receipts = await Store.GetLastReceiptsAsync(10, default);
        Assert.Equal(["added", "unchanged"], receipts.Select(r => r.Action));
        Assert.Equal(result.ReceiptId, receipts[1].Id);
        Assert.Equal(original.Id, receipts[1].RecordId);
    }

    [Fact]
    public async Task An_overlay_at_a_stale_version_conflicts_and_stores_nothing()
    {
        var original = await AddedAsync(Network, "v1", 77);
        Assert.Equal(CommitStatus.Overlaid, (await Store.CommitAsync(Overlay(original, "v2 by someone else", 77), default)).Status);

        var result = await Store.CommitAsync(Overlay(original, "v2 from a stale match", 77), default);

        Assert.Equal(CommitStatus.VersionConflict, result.Status);
        Assert.False(result.Succeeded);
        Assert.Equal(original.Id, result.RecordId);
        Assert.Null(result.ReceiptId);
        Assert.Equal(2, (await Store.GetHistoryAsync(Network, original.Id, default)).Count);
        Assert.Equal(2, (await Store.GetLastReceiptsAsync(10, default)).Count);
    }

    [Fact]
    public async Task An_overlay_from_another_repository_conflicts()
    {
        var original = await AddedAsync(Network, "network record", 88);

        var result = await Store.CommitAsync(Overlay(original, "changed", 88) with { Repository = Sandbox }, default);

        Assert.Equal(CommitStatus.VersionConflict, result.Status);
        Assert.Equal(0, await Store.CountRecordsAsync(Sandbox, default));
        Assert.Single(await Store.GetHistoryAsync(Network, original.Id, default));
    }

    [Fact]
    public async Task Adding_a_number_another_record_holds_conflicts_and_names_the_holder()
    {
        var holder = await AddedAsync(Network, "holder", 300, 301);

        var result = await Store.CommitAsync(Add(Network, "newcomer", 900, 301), default);

        Assert.Equal(CommitStatus.OclcNumberConflict, result.Status);
        Assert.Equal(holder.Id, result.RecordId);
        Assert.Null(result.ReceiptId);
        Assert.Equal(1, await Store.CountRecordsAsync(Network, default));
        Assert.Empty(await Store.FindByOclcNumbersAsync(Network, Numbers(900), default));
        Assert.Single(await Store.GetLastReceiptsAsync(10, default));
    }

    [Fact]
    public async Task An_overlay_taking_a_number_another_record_holds_conflicts()
    {
        var first = await AddedAsync(Network, "first", 400);
        var second = await AddedAsync(Network, "second", 401);

        var result = await Store.CommitAsync(Overlay(first, "first now claims 401", 400, 401), default);

        Assert.Equal(CommitStatus.OclcNumberConflict, result.Status);
        Assert.Equal(second.Id, result.RecordId);
        var unchanged = await Store.GetRecordAsync(Network, first.Id, default);
        Assert.Equal(Content("first"), unchanged!.Content.ToArray());
        Assert.Equal(Numbers(400), unchanged.OclcNumbers);
    }

    [Fact]
    public async Task Records_without_numbers_are_added_each_time()
    {
        var first = await Store.CommitAsync(Add(Network, "no number"), default);
        var second = await Store.CommitAsync(Add(Network, "no number"), default);

        Assert.Equal(CommitStatus.Added, first.Status);
        Assert.Equal(CommitStatus.Added, second.Status);
        Assert.NotEqual(first.RecordId, second.RecordId);
        Assert.Null((await Store.GetLastReceiptsAsync(1, default))[0].OclcNumber);
    }

    [Fact]
    public async Task Records_are_listed_in_pages_by_id()
    {
        var ids = new List<RecordId>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await AddedAsync(Network, $"record {i}", 1000 + i)).Id);
        }

        await AddedAsync(Sandbox, "elsewhere", 1001);

        var firstPage = await Store.ListRecordsAsync(Network, null, 2, default);
        var secondPage = await Store.ListRecordsAsync(Network, firstPage[^1].Id, 10, default);

        Assert.Equal(ids.Take(2), firstPage.Select(r => r.Id));
        Assert.Equal(ids.Skip(2), secondPage.Select(r => r.Id));
        Assert.Equal(Content("record 3"), secondPage[0].Content.ToArray());
        Assert.Empty(await Store.ListRecordsAsync(Network, ids[^1], 10, default));
        Assert.Equal(5, await Store.CountRecordsAsync(Network, default));
    }

    [Fact]
    public async Task A_commit_to_an_unknown_repository_throws_and_stores_nothing()
    {
        var error = await Assert.ThrowsAsync<UnknownRepositoryException>(() => Store.CommitAsync(Add("NOWHERE", "lost", 1), default));

        Assert.Equal("NOWHERE", error.Repository);
        Assert.Empty(await Store.GetLastReceiptsAsync(10, default));
    }

    [Fact]
    public async Task A_cancelled_commit_stores_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.CommitAsync(Add(Network, "never", 5), cancelled.Token));

        Assert.Equal(0, await Store.CountRecordsAsync(Network, default));
    }
}
