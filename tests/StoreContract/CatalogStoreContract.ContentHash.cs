using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

// Gateway §7 step 7 for records without an OCLC number: they are recognised again by the content of their current version.
public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Records_are_found_by_the_content_hash_of_their_current_version_within_their_repository_only()
    {
        var first = await AddedAsync(Network, "no number");
        var copy = await AddedAsync(Network, "no number");
        await AddedAsync(Network, "another record");
        var sandbox = await AddedAsync(Sandbox, "no number");
        var hash = Sha256Hex(Content("no number"));

        Assert.Equal(hash, RecordContentHash.Compute(Content("no number")));
        Assert.Equal([first.Id, copy.Id], (await Store.FindByContentHashAsync(Network, hash, default)).Select(r => r.Id));
        var found = Assert.Single(await Store.FindByContentHashAsync(Sandbox, hash, default));
        Assert.Equal((sandbox.Id, hash), (found.Id, found.ContentHash));
        Assert.Equal(Content("no number"), found.Content.ToArray());
        Assert.Empty(await Store.FindByContentHashAsync(Network, Sha256Hex(Content("never stored")), default));
    }

    [Fact]
    public async Task Only_the_current_version_is_found_by_content_hash()
    {
        var original = await AddedAsync(Network, "version one");
        await Store.CommitAsync(Overlay(original, "version two"), default);

        Assert.Empty(await Store.FindByContentHashAsync(Network, Sha256Hex(Content("version one")), default));
        var current = Assert.Single(await Store.FindByContentHashAsync(Network, Sha256Hex(Content("version two")), default));
        Assert.Equal((original.Id, 2), (current.Id, current.Version));
    }

    [Fact]
    public async Task A_record_stored_with_OCLC_numbers_is_matched_by_them_not_by_content()
    {
        var record = await AddedAsync(Network, "with a number", 700);

        Assert.Empty(await Store.FindByContentHashAsync(Network, Sha256Hex(Content("with a number")), default));
        Assert.Equal(record.Id, Assert.Single(await Store.FindByOclcNumbersAsync(Network, Numbers(700), default)).Id);

        // An overlay that takes the number away makes the record one recognised by content.
        await Store.CommitAsync(Overlay(record, "number gone"), default);
        Assert.Empty(await Store.FindByOclcNumbersAsync(Network, Numbers(700), default));
        Assert.Equal(record.Id, Assert.Single(await Store.FindByContentHashAsync(Network, Sha256Hex(Content("number gone")), default)).Id);
    }

    [Fact]
    public async Task A_record_found_by_content_hash_committed_again_is_unchanged_and_only_logs_a_receipt()
    {
        var added = await AddedAsync(Network, "no number");
        var found = Assert.Single(await Store.FindByContentHashAsync(Network, Sha256Hex(Content("no number")), default));

        var again = await Store.CommitAsync(Add(Network, "no number") with { ExistingId = found.Id, ExpectedVersion = found.Version }, default);

        Assert.Equal((CommitStatus.Unchanged, added.Id, 1), (again.Status, again.RecordId, again.Version));
        Assert.Equal(1, await Store.CountRecordsAsync(Network, default));
        Assert.Single(await Store.GetHistoryAsync(Network, added.Id, default));
        Assert.Equal(["added", "unchanged"], (await Store.GetLastReceiptsAsync(10, default)).Select(r => r.Action));
    }
}
