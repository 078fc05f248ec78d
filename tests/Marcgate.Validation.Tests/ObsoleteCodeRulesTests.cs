using Marcgate.Marc;

namespace Marcgate.Validation.Tests;

/// <summary>
/// Indicator values and subfield codes MARC 21 once defined and has made obsolete (obsolete-codes.json, from LoC's
/// field lists) are warnings; values MARC 21 never defined for the field stay errors.
/// </summary>
public sealed class ObsoleteCodeRulesTests
{
    private static List<ValidationDiagnostic> Find(MarcRecord record, string id, ValidationLevel level = ValidationLevel.Basic) =>
        [.. record.Check(level).Where(d => d.Id == id)];

    [Fact]
    public void Multiple_surname_indicator_is_an_obsolete_warning()
    {
        var record = Records.Book().With("100", "100 2  $aGarcía Márquez, Gabriel.");
        var found = Assert.Single(Find(record, ValidationDiagnosticIds.Obsolete));
        Assert.Equal((ValidationSeverity.Warning, "100", 1), (found.Severity, found.Tag, found.Indicator!.Value));
        Assert.Equal("100 first indicator '2' is obsolete in MARC 21 since 1996 (formerly \"Multiple surname\"); 100 now allows 0, 1, 3", found.Message);
        Assert.Empty(Find(record, ValidationDiagnosticIds.IndicatorUndefined));
    }

    [Fact]
    public void Indicator_value_never_defined_stays_an_error()
    {
        var record = Records.Book().With("100", "100 4  $aChabon, Michael.");
        var found = Assert.Single(Find(record, ValidationDiagnosticIds.IndicatorUndefined));
        Assert.Equal(ValidationSeverity.Error, found.Severity);
        Assert.Empty(Find(record, ValidationDiagnosticIds.Obsolete));
    }

    [Fact]
    public void Obsolete_subfield_code_is_a_warning()
    {
        var record = Records.Book().With("245", "245 10 $aSummerland /$cMichael Chabon.$dPart 1.");
        var found = Assert.Single(Find(record, ValidationDiagnosticIds.Obsolete));
        Assert.Equal((ValidationSeverity.Warning, 'd'), (found.Severity, found.Subfield!.Value));
        Assert.Equal("245 $d is obsolete in MARC 21 since 1979 (formerly \"Designation of section/part/series (SE)\")", found.Message);
        Assert.Empty(Find(record, ValidationDiagnosticIds.SubfieldUndefined));
    }

    [Fact]
    public void Subfield_code_never_defined_stays_an_error()
    {
        var record = Records.Book("500    $aIncludes index.$tIndex");
        Assert.Equal('t', Assert.Single(Find(record, ValidationDiagnosticIds.SubfieldUndefined)).Subfield);
        Assert.Empty(Find(record, ValidationDiagnosticIds.Obsolete));
    }

    [Fact]
    public void Obsolete_codes_belong_to_their_field()
    {
        // 260 first indicator 0 ("publisher is present") is obsolete; 264 never defined 0 there.
        var record = Records.Book("264 01 $aNew York :$bMiramax,$c2002.").With("260", "260 0  $aNew York :$bMiramax,$c2002.");
        var obsolete = Assert.Single(Find(record, ValidationDiagnosticIds.Obsolete));
        Assert.Equal("260", obsolete.Tag);
        var undefined = Assert.Single(Find(record, ValidationDiagnosticIds.IndicatorUndefined));
        Assert.Equal(("264", ValidationSeverity.Error), (undefined.Tag, undefined.Severity));
    }

    [Fact]
    public void Obsolete_blank_indicator_and_code_without_a_known_year()
    {
        var record = Records.Book("082    $a813/.54$219");
        var found = Assert.Single(Find(record, ValidationDiagnosticIds.Obsolete));
        Assert.StartsWith("082 first indicator '#' is obsolete in MARC 21 (formerly \"No edition information recorded", found.Message, StringComparison.Ordinal);
        Assert.Empty(Records.Book("082 00 $a813/.54$219").Check(ValidationLevel.Basic));
    }

    [Fact]
    public void An_obsolete_value_is_one_warning_at_every_level_from_basic()
    {
        var record = Records.Book("700 10 $aDeer, Jane.");
        Assert.Empty(Find(record, ValidationDiagnosticIds.Obsolete, ValidationLevel.Structure));
        Assert.Single(Find(record, ValidationDiagnosticIds.Obsolete, ValidationLevel.Basic));
        var full = record.Check(ValidationLevel.Full);
        Assert.Equal(2, Assert.Single(full, d => d.Id == ValidationDiagnosticIds.Obsolete).Indicator);
        Assert.DoesNotContain(full, d => d.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Field_880_is_checked_against_the_obsolete_codes_of_its_tag()
    {
        var record = Records.Book("700 1  $6880-01$aDeer, Jane.", "880 11 $6700-01$aДир, Джейн.");
        var found = Assert.Single(Find(record, ValidationDiagnosticIds.Obsolete, ValidationLevel.Full));
        Assert.Equal(("880", ValidationSeverity.Warning), (found.Tag, found.Severity));
        Assert.StartsWith("880 (for 700) second indicator '1' is obsolete in MARC 21", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authority_records_use_the_authority_list()
    {
        var authority = Records.Build("00000nz  a2200000n  4500",
        [
            "001 n79021164", "005 20120519055904.0", "008 790508n| acannaabn          |a aaa      ",
            "040    $aDLC$cDLC", "100 2  $aGarcía Márquez, Gabriel,$d1927-2014", "411 14 $aThe Conference",
        ]);
        var found = Find(authority, ValidationDiagnosticIds.Obsolete);
        Assert.Equal(["100 ind1", "411 ind2"], found.Select(d => $"{d.Tag} ind{d.Indicator}"));
        Assert.Contains("since 1993", found[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(authority.Check(ValidationLevel.Full), d => d.Severity == ValidationSeverity.Error);
    }
}
