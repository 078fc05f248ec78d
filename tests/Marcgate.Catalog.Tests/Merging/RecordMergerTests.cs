using Marcgate.Catalog.Merging;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Profiles;
using Marcgate.Marc;

namespace Marcgate.Catalog.Tests.Merging;

// gateway §7 step 5, one match.
public sealed class RecordMergerTests
{
    private static readonly MarcRecord s_existing = RecordBuilder.Bib(' ', "001 ocm1", "035 ## $a(OCoLC)1", "245 10 $aOld title", "590 ## $aLocal note", "949 ## $aitem 1", "949 ## $aitem 2");
    private static readonly MarcRecord s_incoming = RecordBuilder.Bib(' ', "001 ocm1", "035 ## $a(OCoLC)1", "245 10 $aNew title", "590 ## $aOCLC's 590", "880 ## $6245-01$aX", "994 ## $aC0$bNET");

    [Fact]
    public void Overlay_all_but_local_keeps_the_stored_9xx_and_drops_the_incoming_ones()
    {
        var merged = Merge(s_incoming, s_existing, new ImportProfile("p")).Record!;

        Assert.Equal("001 035 245 590 880 949 949", RecordBuilder.Tags(merged));
        Assert.Equal("New title", merged.GetDataFields("245").Single()['a']);
        Assert.Equal(["item 1", "item 2"], merged.GetDataFields("949").Select(f => f['a']!));
        Assert.Equal("OCLC's 590", merged.GetDataFields("590").Single()['a']);
    }

    [Fact]
    public void Protected_fields_from_the_profile_are_kept_in_tag_order()
    {
        var merged = Merge(s_incoming, s_existing, new ImportProfile("p") { ProtectedFields = ["59X"] }).Record!;

        Assert.Equal("001 035 245 590 880 949 949", RecordBuilder.Tags(merged));
        Assert.Equal("Local note", merged.GetDataFields("590").Single()['a']);
    }

    [Fact]
    public void Replace_takes_the_incoming_record_whole()
    {
        var merged = Merge(s_incoming, s_existing, new ImportProfile("p") { MergeMethod = MergeMethod.Replace }).Record!;

        Assert.Equal(RecordBuilder.Tags(s_incoming), RecordBuilder.Tags(merged));
        Assert.NotSame(s_incoming, merged);
    }

    [Fact]
    public void Keep_existing_keeps_the_stored_record()
    {
        var merged = Merge(s_incoming, s_existing, new ImportProfile("p") { MergeMethod = MergeMethod.KeepExisting }).Record!;

        Assert.Equal("Old title", merged.GetDataFields("245").Single()['a']);
    }

    [Fact]
    public void A_briefer_record_does_not_overlay_a_fuller_one()
    {
        var minimal = RecordBuilder.Bib('7', "035 ## $a(OCoLC)1", "245 10 $aBrief");

        var outcome = Merge(minimal, s_existing, new ImportProfile("p"));

        Assert.Null(outcome.Record);
        Assert.Contains("encoding level (7) is lower than the stored record's (blank)", outcome.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guard_can_be_lifted_and_a_fuller_record_always_overlays()
    {
        var minimal = RecordBuilder.Bib('7', "035 ## $a(OCoLC)1", "245 10 $aBrief");

        Assert.NotNull(Merge(minimal, s_existing, new ImportProfile("p") { AllowLowerEncodingLevel = true }).Record);
        Assert.NotNull(Merge(s_existing, minimal, new ImportProfile("p")).Record);
    }

    [Fact]
    public void The_stored_record_sent_again_merges_to_the_same_bytes()
    {
        // gateway §7 step 7 rests on this: local fields out of tag order come back in their places.
        var stored = RecordBuilder.Bib(' ', "001 ocm1", "949 ## $aitem", "035 ## $a(OCoLC)1", "245 10 $aT", "880 ## $6245-01$aX", "994 ## $aC0");

        var merged = Merge(stored.Clone(), stored, new ImportProfile("p") { ProtectedFields = ["880"] }).Record!;

        Assert.Equal(Marcgate.Marc.Iso2709.Iso2709Writer.Write(stored), Marcgate.Marc.Iso2709.Iso2709Writer.Write(merged));
    }

    [Fact]
    public void Merging_changes_neither_input()
    {
        var before = RecordBuilder.Tags(s_existing) + "|" + RecordBuilder.Tags(s_incoming);

        Merge(s_incoming, s_existing, new ImportProfile("p"));

        Assert.Equal(before, RecordBuilder.Tags(s_existing) + "|" + RecordBuilder.Tags(s_incoming));
    }

    private static MergeOutcome Merge(MarcRecord incoming, MarcRecord existing, ImportProfile profile) =>
        RecordMerger.Merge(incoming, existing, RecordNormalizerTests.Rules(profile));
}
