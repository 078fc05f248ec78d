using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Import;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class ReviewServiceTests
{
    private sealed record Setup(ImportFixture Fixture, RecordId One, RecordId Two, long ItemId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Fixture.DisposeAsync();
    }

    private static async Task<Setup> MultipleMatchAsync(ImportProfile? profile = null)
    {
        var fixture = await ImportFixture.CreateAsync(profile ?? GatewayImportServiceTests.Lenient() with { ProtectedFields = ["590"] });
        var one = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)1", "245 10 $aOne", "590 ## $aLocal note.", "910 ## $aLocal 9XX."));
        var two = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)2", "245 10 $aTwo"));
        await fixture.SendAsync(RecordBuilder.Bib(' ', "019 ## $a2", "035 ## $a(OCoLC)1", "245 10 $aBoth", "590 ## $aIncoming note."));
        var item = Assert.Single(await fixture.Store.ListReviewItemsAsync(null, 10, default));
        RecordId.TryParse(one.RecordId, out var oneId);
        RecordId.TryParse(two.RecordId, out var twoId);
        return new Setup(fixture, oneId, twoId, item.Id);
    }

    [Fact]
    public async Task An_item_is_shown_with_the_records_it_matched()
    {
        await using var setup = await MultipleMatchAsync();

        var shown = await new ReviewService(setup.Fixture.Store, LocalActor.Current).ShowAsync(setup.ItemId, default);
        var missing = await new ReviewService(setup.Fixture.Store, LocalActor.Current).ShowAsync(setup.ItemId + 100, default);

        Assert.Equal([setup.One, setup.Two], shown.Value!.Candidates.Select(c => c.Id));
        Assert.Null(shown.Value.Item.Resolution);
        Assert.Equal(AdministrationStatus.NotFound, missing.Status);
    }

    [Fact]
    public async Task Overlaying_merges_like_the_gateway_keeping_local_fields_and_history()
    {
        await using var setup = await MultipleMatchAsync();
        var review = new ReviewService(setup.Fixture.Store, LocalActor.Current);

        var result = await review.OverlayAsync(setup.ItemId, setup.One, "jsmith", default);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal($"Review item {setup.ItemId} overlaid record {setup.One} (now version 2) by jsmith. OCLC numbers 2 stay with the records that hold them.", result.Message);
        var stored = await setup.Fixture.StoredAsync(setup.One.ToString());
        Assert.Equal("Both", stored.GetDataFields("245").Single()['a']);
        Assert.Equal("Local note.", stored.GetDataFields("590").Single()['a']);
        Assert.Equal("Local 9XX.", stored.GetDataFields("910").Single()['a']);
        Assert.Equal(2, (await setup.Fixture.HistoryAsync(setup.One.ToString())).Count);
        Assert.Equal([new OclcNumber(1)], (await setup.Fixture.Store.GetRecordAsync(ImportFixture.Repository, setup.One, default))!.OclcNumbers);
        var resolution = (await setup.Fixture.Store.GetReviewItemAsync(setup.ItemId, default))!.Resolution!;
        Assert.Equal((ReviewDecision.Overlaid, "jsmith", (RecordId?)setup.One), (resolution.Decision, resolution.ResolvedBy, resolution.RecordId));
        Assert.Empty(await setup.Fixture.Store.ListReviewItemsAsync(null, 10, default));
    }

    [Fact]
    public async Task Each_resolution_is_audited_with_who_did_it_and_the_name_kept_with_it()
    {
        await using var setup = await MultipleMatchAsync();
        await setup.Fixture.SendAsync(RecordBuilder.Bib(' ', "019 ## $a2", "035 ## $a(OCoLC)1", "245 10 $aAgain"));
        var items = await setup.Fixture.Store.ListReviewItemsAsync(null, 10, default);
        var review = new ReviewService(setup.Fixture.Store, new AuditActor("root", AuditActorKind.LocalUser));

        Assert.True((await review.OverlayAsync(items[0].Id, setup.One, "jsmith", default)).Succeeded);
        Assert.True((await review.DiscardAsync(items[1].Id, "root", default)).Succeeded);
        Assert.False((await review.DiscardAsync(items[1].Id, "root", default)).Succeeded);

        var audit = await setup.Fixture.Store.FindAuditEntriesAsync(new AuditQuery { SubjectKind = AuditSubjectKind.ReviewItem }, default);
        Assert.Equal(
            [
                ($"{items[1].Id}", $"{ImportFixture.Repository}: discarded by root"),
                ($"{items[0].Id}", $"{ImportFixture.Repository}: overlaid record {setup.One}, now version 2, by jsmith"),
            ],
            audit.Select(e => (e.SubjectName, e.Detail)));
        Assert.All(audit, e => Assert.Equal(("root", AuditActorKind.LocalUser, "review-item.resolve"), (e.Actor, e.ActorKind, e.Action)));
    }

    [Fact]
    public async Task Adding_as_new_stores_a_third_record_under_the_numbers_no_other_holds()
    {
        await using var setup = await MultipleMatchAsync();

        var result = await new ReviewService(setup.Fixture.Store, LocalActor.Current).AddAsNewAsync(setup.ItemId, "jsmith", default);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("added as record", result.Message, StringComparison.Ordinal);
        Assert.Equal(3, await setup.Fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
        var resolution = (await setup.Fixture.Store.GetReviewItemAsync(setup.ItemId, default))!.Resolution!;
        var added = await setup.Fixture.Store.GetRecordAsync(ImportFixture.Repository, resolution.RecordId!.Value, default);
        Assert.Empty(added!.OclcNumbers);
        var version = (await setup.Fixture.Store.GetHistoryAsync(ImportFixture.Repository, added.Id, default)).Single();
        Assert.Equal((ImportFixture.LogonId, "100-123-456"), (version.LogonId, version.UserId));
    }

    [Fact]
    public async Task Discarding_stores_nothing_and_an_item_is_resolved_once()
    {
        await using var setup = await MultipleMatchAsync();
        var review = new ReviewService(setup.Fixture.Store, LocalActor.Current);

        var discarded = await review.DiscardAsync(setup.ItemId, "jsmith", default);
        var again = await review.AddAsNewAsync(setup.ItemId, "jdoe", default);

        Assert.True(discarded.Succeeded);
        Assert.Equal(2, await setup.Fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
        Assert.Equal(AdministrationStatus.Refused, again.Status);
        Assert.Contains("already resolved by jsmith", again.Message, StringComparison.Ordinal);
        Assert.Contains("(discarded)", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_matched_record_is_overlaid_and_the_encoding_level_guard_holds()
    {
        await using var setup = await MultipleMatchAsync();
        var review = new ReviewService(setup.Fixture.Store, LocalActor.Current);
        var stranger = await setup.Fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)9", "245 10 $aStranger"));
        RecordId.TryParse(stranger.RecordId, out var strangerId);

        var notMatched = await review.OverlayAsync(setup.ItemId, strangerId, "jsmith", default);

        Assert.Equal(AdministrationStatus.Refused, notMatched.Status);
        Assert.Contains("is not one the item matched", notMatched.Message, StringComparison.Ordinal);

        await using var brief = await MultipleMatchAsync();
        var briefer = await brief.Fixture.SendAsync(RecordBuilder.Bib('7', "019 ## $a2", "035 ## $a(OCoLC)1", "245 10 $aBrief"));
        var items = await brief.Fixture.Store.ListReviewItemsAsync(null, 10, default);
        var refused = await new ReviewService(brief.Fixture.Store, LocalActor.Current).OverlayAsync(items[^1].Id, brief.One, "jsmith", default);

        Assert.False(briefer.Ok);
        Assert.Equal(AdministrationStatus.Refused, refused.Status);
        Assert.Contains("encoding level", refused.Message, StringComparison.Ordinal);
        Assert.Null((await brief.Fixture.Store.GetReviewItemAsync(items[^1].Id, default))!.Resolution);
    }
}
