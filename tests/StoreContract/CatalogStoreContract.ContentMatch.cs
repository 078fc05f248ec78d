using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

// Gateway §7 step 7: a record without an OCLC number sent twice at once, with content matching, becomes one record.
public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task An_add_matching_on_content_that_a_record_without_numbers_holds_conflicts_and_names_it()
    {
        var first = await Store.CommitAsync(Add(Network, "no number") with { MatchOnContent = true }, default);

        var second = await Store.CommitAsync(Add(Network, "no number") with { MatchOnContent = true }, default);
        var elsewhere = await Store.CommitAsync(Add(Sandbox, "no number") with { MatchOnContent = true }, default);

        Assert.Equal(CommitStatus.Added, first.Status);
        Assert.Equal((CommitStatus.ContentConflict, first.RecordId, (long?)null), (second.Status, second.RecordId, second.ReceiptId));
        Assert.False(second.Succeeded);
        Assert.Equal(CommitStatus.Added, elsewhere.Status);
        Assert.Equal(1, await Store.CountRecordsAsync(Network, default));
        Assert.Equal(2, (await Store.GetLastReceiptsAsync(10, default)).Count);
    }

    [Fact]
    public async Task Content_matching_also_finds_copies_added_without_it_and_lets_go_once_overlaid()
    {
        var plain = await AddedAsync(Network, "no number");

        var matched = await Store.CommitAsync(Add(Network, "no number") with { MatchOnContent = true }, default);
        Assert.Equal((CommitStatus.ContentConflict, plain.Id), (matched.Status, matched.RecordId));

        await Store.CommitAsync(Overlay(plain, "changed since"), default);
        var added = await Store.CommitAsync(Add(Network, "no number") with { MatchOnContent = true }, default);
        Assert.Equal(CommitStatus.Added, added.Status);
        Assert.Equal(CommitStatus.ContentConflict, (await Store.CommitAsync(Add(Network, "changed since") with { MatchOnContent = true }, default)).Status);
    }

    [Fact]
    public async Task Many_writers_adding_one_content_without_numbers_at_once_create_exactly_one_record()
    {
        const int writers = 24;
        using var start = new ManualResetEventSlim();
        var hash = Sha256Hex(Content("sent at once"));
        var imports = Enumerable.Range(0, writers)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                for (var attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    var twin = (await Store.FindByContentHashAsync(Network, hash, default)).FirstOrDefault();
                    var commit = Add(Network, "sent at once") with { MatchOnContent = true, ExistingId = twin?.Id, ExpectedVersion = twin?.Version ?? 0 };
                    var result = await Store.CommitAsync(commit, default);
                    if (result.Succeeded)
                    {
                        return result;
                    }
                }

                throw new InvalidOperationException($"No commit succeeded in {MaxAttempts} attempts.");
            }))
            .ToArray();
        start.Set();

        var results = await Task.WhenAll(imports);

        Assert.Equal(1, results.Count(r => r.Status == CommitStatus.Added));
        Assert.Equal(writers - 1, results.Count(r => r.Status == CommitStatus.Unchanged));
        Assert.Single(results.Select(r => r.RecordId).Distinct());
        Assert.Equal(1, await Store.CountRecordsAsync(Network, default));
    }
}
