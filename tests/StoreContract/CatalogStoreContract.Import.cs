using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    private static RecordVersion Version(long id, int version, string text, RecordAction action, int minutes) =>
        new(new RecordId(id), version, Content(text), RecordContentHash.Compute(Content(text)), T0.AddMinutes(minutes), action, "NETCAT1", "jdoe");

    [Fact]
    public async Task A_record_imported_with_its_history_reads_back_as_it_was_written()
    {
        RecordVersion[] versions =
        [
            Version(500, 1, "first", RecordAction.Added, 1),
            Version(500, 2, "second", RecordAction.Overlaid, 2),
            Version(500, 3, "third", RecordAction.Overlaid, 3),
        ];
        var current = new StoredRecord(new RecordId(500), Network, 3, versions[2].Content, versions[2].ContentHash, [new OclcNumber(4242)], T0.AddMinutes(1), T0.AddMinutes(3));

        Assert.True(await Store.ImportRecordHistoryAsync(current, versions, default));
        Assert.False(await Store.ImportRecordHistoryAsync(current, versions, default));

        var read = await Store.GetRecordAsync(Network, new RecordId(500), default);
        Assert.NotNull(read);
        Assert.Equal(3, read.Version);
        Assert.Equal(T0.AddMinutes(1), read.Created);
        Assert.Equal(T0.AddMinutes(3), read.Updated);
        Assert.Equal([new OclcNumber(4242)], read.OclcNumbers);
        var history = await Store.GetHistoryAsync(Network, new RecordId(500), default);
        Assert.Equal(versions.Select(v => (v.Version, v.ContentHash, v.At, v.Action, v.LogonId, v.UserId)),
            history.Select(v => (v.Version, v.ContentHash, v.At, v.Action, v.LogonId, v.UserId)));
        Assert.Equal(Content("second"), history[1].Content.ToArray());
        Assert.Equal([new RecordId(500)], (await Store.FindByOclcNumbersAsync(Network, [new OclcNumber(4242)], default)).Select(r => r.Id));

        var added = await Store.CommitAsync(new RecordCommit(Network, Content("later"), [], T0.AddHours(1), "192.0.2.1"), default);
        Assert.True(added.RecordId!.Value.Value > 500);
    }

    [Fact]
    public async Task An_imported_record_needs_every_version_and_a_free_oclc_number()
    {
        var holder = await Store.CommitAsync(new RecordCommit(Network, Content("holder"), [new OclcNumber(77)], T0, "192.0.2.1"), default);
        var v1 = Version(900, 1, "one", RecordAction.Added, 1);
        var current = new StoredRecord(new RecordId(900), Network, 2, v1.Content, v1.ContentHash, [], T0, T0);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ImportRecordHistoryAsync(current, [v1], default));
        await Assert.ThrowsAsync<UnknownRepositoryException>(
            () => Store.ImportRecordHistoryAsync(current with { Repository = "NOWHERE", Version = 1 }, [v1], default));
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.ImportRecordHistoryAsync(current with { Version = 1, OclcNumbers = [new OclcNumber(77)] }, [v1], default));

        Assert.Null(await Store.GetRecordAsync(Network, new RecordId(900), default));
        Assert.Equal([holder.RecordId!.Value], (await Store.FindByOclcNumbersAsync(Network, [new OclcNumber(77)], default)).Select(r => r.Id));
    }

    [Fact]
    public async Task Receipts_imported_keep_their_ids_and_list_in_pages()
    {
        var receipt = new Receipt(T0.AddSeconds(5), "198.51.100.7", "NETCAT1", "jdoe", Ok: true)
        {
            Id = 40,
            Action = "added",
            Repository = Network,
            RecordId = new RecordId(12),
            OclcNumber = new OclcNumber(99),
            Message = "Record added.",
        };

        Assert.True(await Store.ImportReceiptAsync(receipt, default));
        Assert.False(await Store.ImportReceiptAsync(receipt with { Message = "other" }, default));
        Assert.True(await Store.ImportReceiptAsync(receipt with { Id = 41, Ok = false, Action = null, Code = "logon-failed", RecordId = null, OclcNumber = null }, default));
        var appended = await Store.AppendReceiptAsync(new Receipt(T0.AddSeconds(9), "198.51.100.8", null, null, Ok: false), default);

        Assert.True(appended.Id > 41);
        var first = await Store.ListReceiptsAsync(0, 2, default);
        Assert.Equal([40L, 41L], first.Select(r => r.Id));
        Assert.Equal(receipt, first[0]);
        Assert.Equal([appended.Id], (await Store.ListReceiptsAsync(41, 10, default)).Select(r => r.Id));
        Assert.Empty(await Store.ListReceiptsAsync(appended.Id, 10, default));
    }

    [Fact]
    public async Task Review_items_imported_keep_their_ids_and_resolutions()
    {
        var open = new ReviewItem(Network, Content("candidate"), [new RecordId(3), new RecordId(8)], "several matches", T0.AddMinutes(4))
        {
            Id = 20,
            LogonId = "NETCAT1",
            UserId = "jdoe",
            PeerAddress = "192.0.2.9",
        };
        var resolved = open with
        {
            Id = 21,
            Resolution = new ReviewResolution(21, ReviewDecision.Overlaid, "admin", T0.AddMinutes(9)) { RecordId = new RecordId(8) },
        };

        Assert.True(await Store.ImportReviewItemAsync(open, default));
        Assert.True(await Store.ImportReviewItemAsync(resolved, default));
        Assert.False(await Store.ImportReviewItemAsync(open, default));
        await Assert.ThrowsAsync<UnknownRepositoryException>(() => Store.ImportReviewItemAsync(open with { Id = 22, Repository = "NOWHERE" }, default));
        var added = await Store.AddReviewItemAsync(open with { Id = 0 }, default);

        Assert.True(added.Id > 21);
        var all = await Store.ListAllReviewItemsAsync(0, 10, default);
        Assert.Equal([20L, 21L, added.Id], all.Select(i => i.Id));
        Assert.Equal(resolved.Resolution, all[1].Resolution);
        Assert.Equal(open.CandidateIds, all[0].CandidateIds);
        Assert.Equal(Content("candidate"), all[0].Content.ToArray());
        Assert.Equal([21L, added.Id], (await Store.ListAllReviewItemsAsync(20, 10, default)).Select(i => i.Id));
        Assert.Equal([20L, added.Id], (await Store.ListReviewItemsAsync(Network, 10, default)).Select(i => i.Id));
    }
}
