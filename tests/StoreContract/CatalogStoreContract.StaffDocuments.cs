using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Staff_documents_are_added_once_replaced_listed_by_key_and_survive_a_reopen()
    {
        var first = new StaffDocument("100-123-456", "saved-record", "0000000002", "{\"b\":2}", T0);
        var second = new StaffDocument("100-123-456", "saved-record", "0000000001", "{\"a\":\"é\"}", T0.AddSeconds(1));
        Assert.True(await Store.AddStaffDocumentAsync(first, default));
        Assert.True(await Store.AddStaffDocumentAsync(second, default));
        Assert.False(await Store.AddStaffDocumentAsync(first with { Value = "other" }, default));

        // Another owner, kind or the everyone owner are kept apart.
        await Store.AddStaffDocumentAsync(first with { Owner = "zoe" }, default);
        await Store.AddStaffDocumentAsync(first with { Kind = "export" }, default);
        await Store.AddStaffDocumentAsync(first with { Owner = StaffDocument.Everyone, Value = "for everyone" }, default);

        await ReopenAsync();

        Assert.Equal([second, first], await Store.ListStaffDocumentsAsync("100-123-456", "saved-record", default));
        Assert.Equal(first, await Store.GetStaffDocumentAsync("100-123-456", "saved-record", "0000000002", default));
        Assert.Null(await Store.GetStaffDocumentAsync("100-123-456", "saved-record", "0000000003", default));
        Assert.Equal("for everyone", (await Store.GetStaffDocumentAsync(StaffDocument.Everyone, "saved-record", "0000000002", default))!.Value);

        var replaced = first with { Value = "{\"b\":3}", Updated = T0.AddDays(1) };
        await Store.SaveStaffDocumentAsync(replaced, default);
        var created = new StaffDocument("100-123-456", "export-options", "default", "{}", T0);
        await Store.SaveStaffDocumentAsync(created, default);
        Assert.Equal(replaced, await Store.GetStaffDocumentAsync("100-123-456", "saved-record", "0000000002", default));
        Assert.Equal([created], await Store.ListStaffDocumentsAsync("100-123-456", "export-options", default));
    }

    [Fact]
    public async Task A_removed_staff_document_is_gone_and_others_stay()
    {
        var kept = new StaffDocument("carl", "destination", "Sandbox", "{}", T0);
        await Store.AddStaffDocumentAsync(kept, default);
        await Store.AddStaffDocumentAsync(kept with { Key = "Network Zone" }, default);

        Assert.True(await Store.RemoveStaffDocumentAsync("carl", "destination", "Network Zone", default));
        Assert.False(await Store.RemoveStaffDocumentAsync("carl", "destination", "Network Zone", default));
        Assert.False(await Store.RemoveStaffDocumentAsync("zoe", "destination", "Sandbox", default));

        Assert.Equal([kept], await Store.ListStaffDocumentsAsync("carl", "destination", default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddStaffDocumentAsync(kept with { Key = string.Empty }, default));
    }

    [Fact]
    public async Task Removing_an_owners_staff_documents_removes_every_kind_and_leaves_other_owners_and_everyone()
    {
        var saved = new StaffDocument("carl", "saved-record", "0000000001", "{}", T0);
        await Store.AddStaffDocumentAsync(saved, default);
        await Store.AddStaffDocumentAsync(saved with { Key = "0000000002" }, default);
        await Store.AddStaffDocumentAsync(saved with { Kind = "export-options", Key = "default" }, default);
        await Store.AddStaffDocumentAsync(saved with { Kind = "export", Key = "20260101T000000000-abcdef" }, default);
        var others = saved with { Owner = "carla" };
        var everyone = saved with { Owner = StaffDocument.Everyone, Kind = "export-destination", Key = "Network Zone" };
        await Store.AddStaffDocumentAsync(others, default);
        await Store.AddStaffDocumentAsync(everyone, default);

        Assert.Equal(4, await Store.RemoveStaffDocumentsAsync("carl", default));
        Assert.Equal(0, await Store.RemoveStaffDocumentsAsync("carl", default));

        await ReopenAsync();
        Assert.Empty(await Store.ListStaffDocumentsAsync("carl", "saved-record", default));
        Assert.Null(await Store.GetStaffDocumentAsync("carl", "export-options", "default", default));
        Assert.Null(await Store.GetStaffDocumentAsync("carl", "export", "20260101T000000000-abcdef", default));
        Assert.Equal([others], await Store.ListStaffDocumentsAsync("carla", "saved-record", default));
        Assert.Equal([everyone], await Store.ListStaffDocumentsAsync(StaffDocument.Everyone, "export-destination", default));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RemoveStaffDocumentsAsync(StaffDocument.Everyone, default));
    }

    [Fact]
    public async Task Every_staff_document_is_listed_by_owner_kind_and_key()
    {
        StaffDocument[] documents =
        [
            new("zoe", "destination", "Sandbox", "{\"host\":\"a\"}", T0),
            new(StaffDocument.Everyone, "destination", "Network Zone", "{}", T0.AddMinutes(1)),
            new("carl", "saved-record", "0000000002", "{\"b\":2}", T0.AddMinutes(2)),
            new("carl", "export-history", "0000000001", "[]", T0.AddMinutes(3)),
            new("carl", "saved-record", "0000000001", "{\"a\":\"é\"}", T0.AddMinutes(4)),
        ];
        foreach (var document in documents)
        {
            Assert.True(await Store.AddStaffDocumentAsync(document, default));
        }

        await ReopenAsync();

        Assert.Equal([documents[1], documents[3], documents[4], documents[2], documents[0]], await Store.ListAllStaffDocumentsAsync(default));
        Assert.True(await Store.RemoveStaffDocumentAsync("zoe", "destination", "Sandbox", default));
        Assert.Equal(4, (await Store.ListAllStaffDocumentsAsync(default)).Count);
    }
}
