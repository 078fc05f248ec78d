using Marcgate.Marc;

namespace Marcgate.Validation.Tests;

public sealed class StructureRulesTests
{
    [Fact]
    public void Clean_record_has_no_findings() =>
        Assert.Empty(Records.Book().Check(ValidationLevel.Structure));

    [Fact]
    public void None_checks_nothing() =>
        Assert.Empty(Records.Book().With("245").Check(ValidationLevel.None));

    [Theory]
    [InlineData("001")]
    [InlineData("005")]
    [InlineData("008")]
    [InlineData("040")]
    [InlineData("245")]
    public void Required_field_missing(string tag)
    {
        var found = Assert.Single(Records.Book().With(tag).Check(ValidationLevel.Structure));
        Assert.Equal((ValidationDiagnosticIds.RequiredFieldMissing, tag, ValidationSeverity.Error), (found.Id, found.Tag, found.Severity));
    }

    [Fact]
    public void Missing_040_subfield_c()
    {
        var found = Assert.Single(Records.Book().With("040", "040    $aDLC").Check(ValidationLevel.Structure));
        Assert.Equal((ValidationDiagnosticIds.RequiredSubfieldMissing, 'c'), (found.Id, found.Subfield));
    }

    [Fact]
    public void Title_needs_subfield_a_or_k()
    {
        Assert.Empty(Records.Book().With("245", "245 00 $kPapers,$f1900-1950.").Check(ValidationLevel.Structure));
        var found = Assert.Single(Records.Book().With("245", "245 00 $cNobody.").Check(ValidationLevel.Structure));
        Assert.Equal(ValidationDiagnosticIds.RequiredSubfieldMissing, found.Id);
        Assert.Contains("$a or $k", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authority_needs_no_245_but_holdings_need_004()
    {
        var authority = Records.Book().With("245").With("100", "100 1  $aChabon, Michael.");
        authority.Leader = new Leader("00000nz  a2200000n  4500");
        Assert.Empty(authority.Check(ValidationLevel.Structure));

        var holdings = Records.Build("00000nx  a2200000   4500", ["001 h1", "005 20030616111422.0", "008 0208050u    8   4001uueng0000000"]);
        var found = Assert.Single(holdings.Check(ValidationLevel.Structure));
        Assert.Equal((ValidationDiagnosticIds.RequiredFieldMissing, "004"), (found.Id, found.Tag));
    }

    [Fact]
    public void Leader_fixed_positions()
    {
        var record = Records.Book();
        record.Leader = new Leader("00714nqm a2300205 a 4400");
        var found = record.Check(ValidationLevel.Structure);
        Assert.Equal([10, 20, 6], found.Select(d => d.Position ?? -1));
        Assert.All(found, d => Assert.Equal(ValidationDiagnosticIds.LeaderInvalid, d.Id));
    }

    [Fact]
    public void Malformed_tag_indicator_and_subfield_code()
    {
        var record = Records.Book();
        record.Fields.Add(new DataField("6 0", ' ', '0', [new Subfield('a', "x")]));
        record.Fields.Add(new DataField("650", '#', '0', [new Subfield('A', "x"), new Subfield('b', "")]));
        var found = record.Check(ValidationLevel.Structure);
        Assert.Equal(
            [ValidationDiagnosticIds.TagMalformed, ValidationDiagnosticIds.IndicatorMalformed, ValidationDiagnosticIds.SubfieldCodeMalformed, ValidationDiagnosticIds.FieldEmpty],
            found.Ids());
        Assert.Equal(2, found[1].Occurrence);
        Assert.Equal(1, found[1].Indicator);
        Assert.Equal(ValidationSeverity.Warning, found[3].Severity);
    }

    [Fact]
    public void Field_shape_must_match_tag()
    {
        var record = Records.Book();
        record.Fields.Add(new ControlField("500", "no subfields"));
        record.Fields.Add(new DataField("007", ' ', ' ', [new Subfield('a', "x")]));
        record.Fields.Add(new DataField("500", ' ', ' '));
        Assert.Equal(
            [ValidationDiagnosticIds.FieldShapeInvalid, ValidationDiagnosticIds.FieldShapeInvalid, ValidationDiagnosticIds.FieldEmpty],
            record.Check(ValidationLevel.Structure).Ids());
    }
}
