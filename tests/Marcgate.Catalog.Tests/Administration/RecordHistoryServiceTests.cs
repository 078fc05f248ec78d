using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Import;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class RecordHistoryServiceTests
{
    [Fact]
    public async Task Reverting_stores_a_new_version_equal_to_the_old_one_and_keeps_every_version()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var first = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aOriginal"));
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aMistake"));
        RecordId.TryParse(first.RecordId, out var id);
        var history = new RecordHistoryService(fixture.Store, AuditActor.Staff("ada"));

        var reverted = await history.RevertAsync(ImportFixture.Repository, id, 1, "jsmith", default);
        var again = await history.RevertAsync(ImportFixture.Repository, id, 1, "jsmith", default);

        Assert.True(reverted.Succeeded, reverted.Message);
        Assert.Equal(3, reverted.Value);
        Assert.Equal($"Created version 3 of record {id}, equal to version 1.", reverted.Message);
        var versions = await fixture.HistoryAsync(first.RecordId!);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal(versions[0].ContentHash, versions[2].ContentHash);
        Assert.Equal("jsmith", versions[2].UserId);
        Assert.Null(versions[2].LogonId);
        Assert.Equal([new OclcNumber(5)], (await fixture.Store.GetRecordAsync(ImportFixture.Repository, id, default))!.OclcNumbers);
        var receipt = (await fixture.Store.GetLastReceiptsAsync(1, default)).Single();
        Assert.Equal(("local", "jsmith", "overlaid"), (receipt.PeerAddress, receipt.UserId, receipt.Action));

        // The second revert created nothing, so only the first is in the audit log.
        Assert.True(again.Succeeded, again.Message);
        var audit = Assert.Single(await fixture.Store.FindAuditEntriesAsync(new AuditQuery(), default));
        Assert.Equal(("ada", AuditActorKind.StaffUser, "record.revert", AuditSubjectKind.Record, $"{ImportFixture.Repository}/{id}", "version 3 equals version 1, by jsmith"),
            (audit.Actor, audit.ActorKind, audit.Action, audit.SubjectKind, audit.SubjectName, audit.Detail));
    }

    [Fact]
    public async Task Reverting_to_what_the_record_already_is_creates_nothing_and_unknown_versions_are_not_found()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var first = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aOnly"));
        RecordId.TryParse(first.RecordId, out var id);
        var history = new RecordHistoryService(fixture.Store, LocalActor.Current);

        var same = await history.RevertAsync(ImportFixture.Repository, id, 1, "jsmith", default);
        var missingVersion = await history.RevertAsync(ImportFixture.Repository, id, 4, "jsmith", default);
        var missingRecord = await history.RevertAsync(ImportFixture.Repository, new RecordId(999), 1, "jsmith", default);

        Assert.True(same.Succeeded);
        Assert.Equal(1, same.Value);
        Assert.Contains("no version was created", same.Message, StringComparison.Ordinal);
        Assert.Single(await fixture.HistoryAsync(first.RecordId!));
        Assert.Equal(AdministrationStatus.NotFound, missingVersion.Status);
        Assert.Equal($"Record {id} has versions 1 to 1, not 4.", missingVersion.Message);
        Assert.Equal(AdministrationStatus.NotFound, missingRecord.Status);
    }

    [Fact]
    public async Task A_version_carrying_a_number_another_record_now_holds_is_not_brought_back()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var first = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aFirst"));
        RecordId.TryParse(first.RecordId, out var id);

        // Version 2 drops number 5, which a new record then takes.
        await fixture.Store.CommitAsync(
            new RecordCommit(ImportFixture.Repository, Iso2709Writer.Write(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)6", "245 10 $aRenumbered")), [new OclcNumber(6)], DateTimeOffset.UtcNow, "local")
            {
                ExistingId = id,
                ExpectedVersion = 1,
            },
            default);
        var other = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aOther"));

        var reverted = await new RecordHistoryService(fixture.Store, LocalActor.Current).RevertAsync(ImportFixture.Repository, id, 1, "jsmith", default);

        Assert.Equal(AdministrationStatus.Refused, reverted.Status);
        Assert.Contains($"record {other.RecordId} now holds", reverted.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await fixture.HistoryAsync(first.RecordId!)).Count);
    }

    [Fact]
    public async Task Two_versions_are_compared_field_by_field()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var first = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aOriginal"));
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aCorrected", "500 ## $aNote."));
        RecordId.TryParse(first.RecordId, out var id);
        var history = new RecordHistoryService(fixture.Store, LocalActor.Current);

        var diff = await history.DiffAsync(ImportFixture.Repository, id, 1, 2, default);
        var missing = await history.DiffAsync(ImportFixture.Repository, id, 1, 3, default);

        Assert.Equal(
            ["- 245 10 $aOriginal", "+ 245 10 $aCorrected", "+ 500 ## $aNote."],
            diff.Value!.Where(l => l.Kind != RecordDiffKind.Unchanged).Select(l => l.ToString()));
        Assert.Equal(AdministrationStatus.NotFound, missing.Status);
        Assert.Equal($"Record {id} has versions 1 to 2, not 3.", missing.Message);
    }
}
