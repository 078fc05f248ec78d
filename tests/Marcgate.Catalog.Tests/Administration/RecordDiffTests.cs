using Marcgate.Catalog.Administration;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class RecordDiffTests
{
    private static string[] Changes(IReadOnlyList<RecordDiffLine> lines) =>
        [.. lines.Where(l => l.Kind != RecordDiffKind.Unchanged).Select(l => l.ToString())];

    [Fact]
    public void Changed_added_and_removed_fields_are_listed_in_tag_order_and_unchanged_ones_kept_apart()
    {
        var from = RecordBuilder.Bib(' ', "001 123", "035 ## $a(OCoLC)5", "245 10 $aOld title /$cAuthor.", "500 ## $aA note.", "650 #0 $aCats.");
        var to = RecordBuilder.Bib(' ', "001 123", "035 ## $a(OCoLC)5", "245 10 $aNew title /$cAuthor.", "650 #0 $aCats.", "650 #0 $aDogs.");

        var lines = RecordDiff.Compare(from, to);

        Assert.Equal(
            ["- 245 10 $aOld title /$cAuthor.", "+ 245 10 $aNew title /$cAuthor.", "- 500 ## $aA note.", "+ 650 #0 $aDogs."],
            Changes(lines));
        Assert.Equal(
            ["LDR 00000nam a2200000 a 4500", "001 123", "035 ## $a(OCoLC)5", "650 #0 $aCats."],
            lines.Where(l => l.Kind == RecordDiffKind.Unchanged).Select(l => l.Text));
        Assert.Equal("  001 123", lines[1].ToString());
    }

    [Fact]
    public void Several_changed_fields_in_a_row_go_in_tag_order()
    {
        var from = RecordBuilder.Bib(' ', "100 1# $aSmith.", "245 10 $aA", "250 ## $a1st ed.");
        var to = RecordBuilder.Bib(' ', "100 1# $aSmith, J.", "245 10 $aB", "250 ## $a2nd ed.");

        Assert.Equal(
            ["- 100 1# $aSmith.", "+ 100 1# $aSmith, J.", "- 245 10 $aA", "+ 245 10 $aB", "- 250 ## $a1st ed.", "+ 250 ## $a2nd ed."],
            Changes(RecordDiff.Compare(from, to)));
    }

    [Fact]
    public void The_leader_counts_only_where_it_describes_the_record()
    {
        var from = RecordBuilder.Build("00123nam a2200049 a 4500", "245 10 $aSame");
        var longer = RecordBuilder.Build("00456nam a2200061 a 4500", "245 10 $aSame");
        var fuller = RecordBuilder.Build("00123nam a22000497a 4500", "245 10 $aSame");

        Assert.Empty(Changes(RecordDiff.Compare(from, longer)));
        Assert.Equal(["- LDR 00123nam a2200049 a 4500", "+ LDR 00123nam a22000497a 4500"], Changes(RecordDiff.Compare(from, fuller)));
    }

    [Fact]
    public void Identical_records_have_no_changes()
    {
        var record = RecordBuilder.Bib(' ', "001 1", "245 10 $aT");

        Assert.Empty(Changes(RecordDiff.Compare(record, record.Clone())));
    }
}
