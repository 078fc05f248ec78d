using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;

namespace Marcgate.Catalog.Tests.Import;

// Gateway §7 step 7 for a record that carries no OCLC number (no 035 $a (OCoLC), no 001 with 003 OCoLC, no 019 or 035 $z):
// its content, after decoding and normalising, is all that identifies it when it is sent again.
public sealed class RecordsWithoutOclcNumberTests
{
    [Fact]
    public async Task The_same_record_sent_again_is_unchanged_with_the_same_id_and_stores_nothing_new()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var record = RecordBuilder.Bib(' ', "001 local-17", "035 ## $a(DLC)2001012345", "245 10 $aA local record without an OCLC number");

        var first = await fixture.SendAsync(record);
        var again = await fixture.SendAsync(record);

        Assert.True(first.Ok, first.Message);
        Assert.True(again.Ok, again.Message);
        Assert.Equal((GatewayReplyCodes.Added, GatewayReplyCodes.Unchanged), (first.Action, again.Action));
        Assert.Equal(first.RecordId, again.RecordId);
        Assert.Null(again.OclcNumber);
        Assert.Equal($"Record {first.RecordId} is unchanged in NETWORK.", again.Message);
        Assert.Equal(1, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
        Assert.Single(await fixture.HistoryAsync(first.RecordId!));

        // §7 step 9: the resend is still logged.
        var receipts = await fixture.Store.GetLastReceiptsAsync(2, default);
        Assert.Equal(["added", "unchanged"], receipts.Select(r => r.Action));
        Assert.All(receipts, r => Assert.Equal(first.RecordId, r.RecordId?.ToString()));
    }

    [Fact]
    public async Task A_record_equal_after_the_profiles_deletions_is_unchanged()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient() with { FieldsToDelete = ["9XX"] });

        var first = await fixture.SendAsync(RecordBuilder.Bib(' ', "245 10 $aNormalised alike", "949 ## $alocal note one"));
        var again = await fixture.SendAsync(RecordBuilder.Bib(' ', "245 10 $aNormalised alike", "949 ## $aanother local note"));

        Assert.Equal((GatewayReplyCodes.Added, GatewayReplyCodes.Unchanged, first.RecordId), (first.Action, again.Action, again.RecordId));
        Assert.Equal(1, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
    }

    [Fact]
    public async Task A_changed_record_is_added_as_a_new_record_since_nothing_identifies_it()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());

        var first = await fixture.SendAsync(RecordBuilder.Bib(' ', "245 10 $aFirst wording"));
        var changed = await fixture.SendAsync(RecordBuilder.Bib(' ', "245 10 $aSecond wording"));

        Assert.Equal((GatewayReplyCodes.Added, GatewayReplyCodes.Added), (first.Action, changed.Action));
        Assert.NotEqual(first.RecordId, changed.RecordId);
        Assert.Equal(2, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
        Assert.Single(await fixture.HistoryAsync(first.RecordId!));
    }

    [Fact]
    public async Task Copies_stored_before_content_matching_answer_unchanged_with_the_oldest()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var record = RecordBuilder.Bib(' ', "245 10 $aSent twice before the fix");
        var first = await fixture.SendAsync(record);
        var stored = await fixture.Store.GetRecordAsync(ImportFixture.Repository, Id(first), default);
        var duplicate = await fixture.Store.CommitAsync(new RecordCommit(ImportFixture.Repository, stored!.Content, [], DateTimeOffset.UnixEpoch, ImportFixture.Peer), default);
        Assert.Equal(CommitStatus.Added, duplicate.Status);

        var again = await fixture.SendAsync(record);

        Assert.Equal((GatewayReplyCodes.Unchanged, first.RecordId), (again.Action, again.RecordId));
        Assert.Equal(2, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
    }

    [Fact]
    public async Task Identical_records_sent_at_once_make_one_record()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        const int Clients = 16;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(() =>
            fixture.SendAsync(RecordBuilder.Bib(' ', "245 10 $aSent by every client at once")))));

        Assert.All(outcomes, o => Assert.True(o.Ok, $"{o.Code}: {o.Message}"));
        Assert.Single(outcomes, o => o.Action == GatewayReplyCodes.Added);
        Assert.Single(outcomes.Select(o => o.RecordId).Distinct());
        Assert.Equal(1, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
    }

    [Fact]
    public async Task A_profile_that_does_not_match_adds_it_every_time()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient() with { MatchOnOclcNumbers = false });
        var record = RecordBuilder.Bib(' ', "245 10 $aSandbox copy without a number");

        var first = await fixture.SendAsync(record);
        var second = await fixture.SendAsync(record);

        Assert.Equal((GatewayReplyCodes.Added, GatewayReplyCodes.Added), (first.Action, second.Action));
        Assert.NotEqual(first.RecordId, second.RecordId);
    }

    private static RecordId Id(ImportOutcome outcome) =>
        RecordId.TryParse(outcome.RecordId, out var id) ? id : throw new InvalidOperationException($"No record id in '{outcome.Message}'.");
}
