using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    private async Task<ReviewItem> ReviewItemAsync(params RecordId[] candidates) =>
        await Store.AddReviewItemAsync(
            new ReviewItem(Network, Content("incoming"), candidates, "Several matches.", T0) { LogonId = "NETCAT1", UserId = "jdoe", PeerAddress = "192.0.2.9" },
            default);

    [Fact]
    public async Task A_review_item_is_found_by_id()
    {
        var item = await ReviewItemAsync(new RecordId(12), new RecordId(34));

        var found = await Store.GetReviewItemAsync(item.Id, default);

        Assert.NotNull(found);
        Assert.Equal(item.Id, found.Id);
        Assert.Equal(Network, found.Repository);
        Assert.Equal(Content("incoming"), found.Content.ToArray());
        Assert.Equal([new RecordId(12), new RecordId(34)], found.CandidateIds);
        Assert.Equal("NETCAT1", found.LogonId);
        Assert.Null(found.Resolution);
        Assert.Null(await Store.GetReviewItemAsync(item.Id + 1000, default));
    }

    [Fact]
    public async Task Discarding_a_review_item_stores_no_record_and_keeps_who_decided()
    {
        var item = await ReviewItemAsync(new RecordId(12), new RecordId(34));
        var other = await ReviewItemAsync(new RecordId(56), new RecordId(78));

        var result = await Store.ResolveReviewItemAsync(new ReviewResolution(item.Id, ReviewDecision.Discarded, "jsmith", T0.AddHours(1)), null, default);

        Assert.True(result.Resolved);
        Assert.Null(result.Commit);
        Assert.Equal([other.Id], (await Store.ListReviewItemsAsync(null, 10, default)).Select(i => i.Id));
        var resolved = (await Store.GetReviewItemAsync(item.Id, default))!.Resolution;
        Assert.NotNull(resolved);
        Assert.Equal(ReviewDecision.Discarded, resolved.Decision);
        Assert.Equal("jsmith", resolved.ResolvedBy);
        Assert.Equal(T0.AddHours(1), resolved.At);
        Assert.Null(resolved.RecordId);
        Assert.Equal(0, await Store.CountRecordsAsync(Network, default));
    }

    [Fact]
    public async Task A_review_item_is_resolved_once()
    {
        var item = await ReviewItemAsync(new RecordId(12), new RecordId(34));
        await Store.ResolveReviewItemAsync(new ReviewResolution(item.Id, ReviewDecision.Discarded, "jsmith", T0.AddHours(1)), null, default);

        var again = await Store.ResolveReviewItemAsync(new ReviewResolution(item.Id, ReviewDecision.AddedAsNew, "jdoe", T0.AddHours(2)), Add(Network, "incoming", 5), default);
        var missing = await Store.ResolveReviewItemAsync(new ReviewResolution(item.Id + 1000, ReviewDecision.Discarded, "jdoe", T0.AddHours(2)), null, default);

        Assert.False(again.Resolved);
        Assert.Null(again.Commit);
        Assert.False(missing.Resolved);
        Assert.Equal(0, await Store.CountRecordsAsync(Network, default));
        Assert.Equal("jsmith", (await Store.GetReviewItemAsync(item.Id, default))!.Resolution!.ResolvedBy);
    }

    [Fact]
    public async Task Adding_a_review_item_as_new_commits_the_record_and_resolves_the_item_together()
    {
        var item = await ReviewItemAsync(new RecordId(12), new RecordId(34));

        var result = await Store.ResolveReviewItemAsync(new ReviewResolution(item.Id, ReviewDecision.AddedAsNew, "jsmith", T0.AddHours(1)), Add(Network, "incoming", 5), default);

        Assert.True(result.Resolved);
        Assert.Equal(CommitStatus.Added, result.Commit!.Status);
        var id = result.Commit.RecordId!.Value;
        Assert.Equal(Content("incoming"), (await Store.GetRecordAsync(Network, id, default))!.Content.ToArray());
        var resolution = (await Store.GetReviewItemAsync(item.Id, default))!.Resolution!;
        Assert.Equal(ReviewDecision.AddedAsNew, resolution.Decision);
        Assert.Equal(id, resolution.RecordId);
        var receipt = (await Store.GetLastReceiptsAsync(1, default)).Single();
        Assert.Equal(id, receipt.RecordId);
        Assert.Equal("added", receipt.Action);
    }

    [Fact]
    public async Task Overlaying_from_a_review_item_keeps_history_and_a_conflict_leaves_the_item_open()
    {
        var first = await AddedAsync(Network, "first v1", 1);
        var second = await AddedAsync(Network, "second v1", 2);
        var item = await ReviewItemAsync(first.Id, second.Id);

        var conflict = await Store.ResolveReviewItemAsync(
            new ReviewResolution(item.Id, ReviewDecision.Overlaid, "jsmith", T0.AddHours(1)), Overlay(first, "first v2", 1, 2), default);
        var stale = await Store.ResolveReviewItemAsync(
            new ReviewResolution(item.Id, ReviewDecision.Overlaid, "jsmith", T0.AddHours(1)), Overlay(first, "first v2", 1) with { ExpectedVersion = 7 }, default);

        Assert.False(conflict.Resolved);
        Assert.Equal(CommitStatus.OclcNumberConflict, conflict.Commit!.Status);
        Assert.False(stale.Resolved);
        Assert.Equal(CommitStatus.VersionConflict, stale.Commit!.Status);
        Assert.Null((await Store.GetReviewItemAsync(item.Id, default))!.Resolution);
        Assert.Single(await Store.GetHistoryAsync(Network, first.Id, default));

        var done = await Store.ResolveReviewItemAsync(
            new ReviewResolution(item.Id, ReviewDecision.Overlaid, "jsmith", T0.AddHours(1)), Overlay(first, "first v2", 1), default);

        Assert.True(done.Resolved);
        Assert.Equal(CommitStatus.Overlaid, done.Commit!.Status);
        Assert.Equal(2, done.Commit.Version);
        Assert.Equal(["first v1", "first v2"], (await Store.GetHistoryAsync(Network, first.Id, default)).Select(v => System.Text.Encoding.UTF8.GetString(v.Content.Span)));
        Assert.Equal(first.Id, (await Store.GetReviewItemAsync(item.Id, default))!.Resolution!.RecordId);
        Assert.Empty(await Store.ListReviewItemsAsync(Network, 10, default));
    }
}
