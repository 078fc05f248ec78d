using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Tests;
using Marcgate.Validation;

namespace Marcgate.Catalog.Tests.Import;

// gateway §7 steps 2-9 against the real SQLite store.
public sealed class GatewayImportServiceTests
{
    private static readonly string s_connexion = TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc");

    [Fact]
    public async Task A_connexion_export_is_added_then_unchanged_when_sent_again()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        var bytes = ImportFixture.RecordsOf(s_connexion).Single();

        var first = await fixture.SendAsync(bytes);
        var again = await fixture.SendAsync(bytes);

        Assert.True(first.Ok, first.Message);
        Assert.Equal((GatewayReplyCodes.Added, "NETWORK", "63111280"), (first.Action, first.Repository, first.OclcNumber));
        Assert.Equal($"Record {first.RecordId} was added to NETWORK (OCLC 63111280).", first.Message);
        Assert.True(again.Ok, again.Message);
        Assert.Equal(GatewayReplyCodes.Unchanged, again.Action);
        Assert.Equal(first.RecordId, again.RecordId);
        Assert.Single(await fixture.HistoryAsync(first.RecordId!));
        Assert.Equal(1, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
    }

    [Fact]
    public async Task A_marc8_record_is_stored_as_unicode_nfc_with_leader_09_a()
    {
        await using var fixture = await ImportFixture.CreateAsync(new ImportProfile("none") { ValidationLevel = ValidationLevel.None });
        var bytes = ImportFixture.RecordsOf(TestFiles.Marc("valid/diacritic4.mrc")).Single();

        var outcome = await fixture.SendAsync(bytes);

        Assert.True(outcome.Ok, outcome.Message);
        var stored = await fixture.StoredAsync(outcome.RecordId!);
        Assert.Equal('a', stored.Leader.CharacterCodingScheme);
        var text = ImportFixture.Text(stored);
        Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), text);
        Assert.DoesNotContain('\u001B', text);
    }

    [Fact]
    public async Task A_changed_245_overlays_keeps_the_old_version_and_the_local_fields()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        var original = ImportFixture.Parse(ImportFixture.RecordsOf(s_connexion).Single());
        original.Fields.Add(new DataField("949", ' ', ' ', [new('a', "local holdings note")]));
        var added = await fixture.SendAsync(original);

        var changed = ImportFixture.Parse(ImportFixture.RecordsOf(s_connexion).Single());
        var title = changed.GetDataFields("245").Single();
        title.Subfields[0] = new Subfield('a', "A corrected title /");
        var overlaid = await fixture.SendAsync(changed);

        Assert.True(overlaid.Ok, overlaid.Message);
        Assert.Equal((GatewayReplyCodes.Overlaid, added.RecordId), (overlaid.Action, overlaid.RecordId));
        var stored = await fixture.StoredAsync(overlaid.RecordId!);
        Assert.Equal("A corrected title /", stored.GetDataFields("245").Single()['a']);
        Assert.Equal("local holdings note", stored.GetDataFields("949").Single()['a']);
        var history = await fixture.HistoryAsync(overlaid.RecordId!);
        Assert.Equal([1, 2], history.Select(v => v.Version));
        Assert.Equal([RecordAction.Added, RecordAction.Overlaid], history.Select(v => v.Action));
        var old = ImportFixture.Parse(history[0].Content.Span);
        Assert.NotEqual("A corrected title /", old.GetDataFields("245").Single()['a']);
    }

    [Fact]
    public async Task A_record_whose_019_holds_the_stored_number_overlays_it_and_gets_035_z()
    {
        await using var fixture = await ImportFixture.CreateAsync(Lenient());
        var first = await fixture.SendAsync(RecordBuilder.Bib(' ', "001 ocm00000100", "003 OCoLC", "035 ## $a(OCoLC)100", "245 10 $aMerged away"));

        var outcome = await fixture.SendAsync(RecordBuilder.Bib(' ', "001 ocn000000200", "003 OCoLC", "019 ## $a100", "035 ## $a(OCoLC)200", "245 10 $aSurvivor"));

        Assert.True(outcome.Ok, outcome.Message);
        Assert.Equal((GatewayReplyCodes.Overlaid, first.RecordId, "200"), (outcome.Action, outcome.RecordId, outcome.OclcNumber));
        var stored = await fixture.StoredAsync(outcome.RecordId!);
        Assert.Equal("(OCoLC)100", stored.GetDataFields("035").Single()['z']);
        var byNew = await fixture.Store.FindByOclcNumbersAsync(ImportFixture.Repository, [new OclcNumber(200)], default);
        Assert.Equal(first.RecordId, Assert.Single(byNew).Id.ToString());
    }

    [Fact]
    public async Task A_record_matching_two_records_is_rejected_and_kept_for_review()
    {
        await using var fixture = await ImportFixture.CreateAsync(Lenient());
        var a = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)1", "245 10 $aOne"));
        var b = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)2", "245 10 $aTwo"));

        var outcome = await fixture.SendAsync(RecordBuilder.Bib(' ', "019 ## $a2", "035 ## $a(OCoLC)1", "245 10 $aBoth"));

        Assert.False(outcome.Ok);
        Assert.Equal(GatewayReplyCodes.MultipleMatches, outcome.Code);
        Assert.Contains($"({a.RecordId}, {b.RecordId})", outcome.Message, StringComparison.Ordinal);
        var item = Assert.Single(await fixture.Store.ListReviewItemsAsync(ImportFixture.Repository, 10, default));
        Assert.Equal([a.RecordId, b.RecordId], item.CandidateIds.Select(i => i.ToString()));
        Assert.Equal("Both", ImportFixture.Parse(item.Content.Span).GetDataFields("245").Single()['a']);
        Assert.Equal(2, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
        var receipt = (await fixture.Store.GetLastReceiptsAsync(1, default)).Single();
        Assert.Equal((false, GatewayReplyCodes.MultipleMatches), (receipt.Ok, receipt.Code));
    }

    [Fact]
    public async Task A_briefer_record_does_not_overlay_a_fuller_one()
    {
        await using var fixture = await ImportFixture.CreateAsync(Lenient());
        var full = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aFull"));

        var outcome = await fixture.SendAsync(RecordBuilder.Bib('7', "035 ## $a(OCoLC)5", "245 10 $aMinimal"));

        Assert.Equal(GatewayReplyCodes.LowerEncodingLevel, outcome.Code);
        Assert.Contains($"record {full.RecordId}", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("Full", (await fixture.StoredAsync(full.RecordId!)).GetDataFields("245").Single()['a']);
    }

    [Fact]
    public async Task The_profile_may_reject_records_that_match_nothing()
    {
        await using var fixture = await ImportFixture.CreateAsync(Lenient() with { NoMatchAction = NoMatchAction.Reject });

        var outcome = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aNew"));

        Assert.Equal(GatewayReplyCodes.NoMatch, outcome.Code);
        Assert.Contains("OCLC 5 matches no record in NETWORK", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
    }

    [Fact]
    public async Task A_profile_that_does_not_match_adds_every_record()
    {
        await using var fixture = await ImportFixture.CreateAsync(Lenient() with { MatchOnOclcNumbers = false });
        var record = RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aSandbox copy");

        var first = await fixture.SendAsync(record);
        var second = await fixture.SendAsync(record);

        Assert.Equal((GatewayReplyCodes.Added, GatewayReplyCodes.Added), (first.Action, second.Action));
        Assert.NotEqual(first.RecordId, second.RecordId);
        Assert.Equal("5", second.OclcNumber);
    }

    [Fact]
    public async Task Unreadable_bytes_are_a_bad_record_with_the_reason()
    {
        await using var fixture = await ImportFixture.CreateAsync();

        var outcome = await fixture.SendAsync("00026nam a2200025 a 4500"u8.ToArray());

        Assert.Equal(GatewayReplyCodes.BadRecord, outcome.Code);
        Assert.StartsWith("The record is not ISO 2709: ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("byte", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_failing_validation_is_rejected_with_the_reasons()
    {
        await using var fixture = await ImportFixture.CreateAsync();

        var outcome = await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5"));

        Assert.Equal(GatewayReplyCodes.InvalidRecord, outcome.Code);
        Assert.StartsWith("The record is not valid at the Structure level: ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("245", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
    }

    [Fact]
    public async Task Fields_the_profile_deletes_are_not_stored()
    {
        await using var fixture = await ImportFixture.CreateAsync(Lenient() with { FieldsToDelete = ["029", "9XX"] });

        var outcome = await fixture.SendAsync(ImportFixture.RecordsOf(s_connexion).Single());

        var stored = await fixture.StoredAsync(outcome.RecordId!);
        Assert.DoesNotContain(stored.Fields, f => f.Tag is "029" || f.Tag.StartsWith('9'));
        Assert.NotEmpty(stored.GetFields("880"));
    }

    [Fact]
    public async Task Each_logon_writes_only_its_own_repository()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        await fixture.Store.AddRepositoryAsync("IZ", DateTimeOffset.UtcNow, default);
        var network = await fixture.Store.FindAccountAsync(ImportFixture.LogonId, default);
        await fixture.Store.SaveAccountAsync(network! with { LogonId = "IZ_LOGON", Repository = "IZ" }, default);
        var bytes = ImportFixture.RecordsOf(s_connexion).Single();

        var toNetwork = await fixture.SendAsync(bytes);
        var toIz = await fixture.SendAsync(bytes, logonId: "IZ_LOGON");

        Assert.Equal((GatewayReplyCodes.Added, "NETWORK"), (toNetwork.Action, toNetwork.Repository));
        Assert.Equal((GatewayReplyCodes.Added, "IZ"), (toIz.Action, toIz.Repository));
        Assert.NotEqual(toNetwork.RecordId, toIz.RecordId);
        Assert.Equal(1, await fixture.Store.CountRecordsAsync("NETWORK", default));
        Assert.Equal(1, await fixture.Store.CountRecordsAsync("IZ", default));
    }

    [Fact]
    public async Task An_account_whose_profile_is_gone_gets_a_server_error_naming_it()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        var account = await fixture.Store.FindAccountAsync(ImportFixture.LogonId, default);
        await fixture.Store.SaveAccountAsync(account! with { ProfileName = "ghost" }, default);

        var outcome = await fixture.SendAsync(ImportFixture.RecordsOf(s_connexion).Single());

        Assert.Equal(GatewayReplyCodes.ServerError, outcome.Code);
        Assert.Contains("import profile 'ghost' of logon ID 01CARLI_NETWORK does not exist", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_store_still_gets_a_reply_without_internals()
    {
        var fixture = await ImportFixture.CreateAsync();
        await fixture.Store.DisposeAsync();

        var outcome = await fixture.SendAsync(ImportFixture.RecordsOf(s_connexion).Single());

        Assert.False(outcome.Ok);
        Assert.Equal(GatewayReplyCodes.ServerError, outcome.Code);
        Assert.Equal("Server error--the record was not stored; the host's receipt log has the details.", outcome.Message);
        await fixture.DisposeAsync();
    }

    internal static ImportProfile Lenient() => new("lenient") { ValidationLevel = ValidationLevel.None };
}
