using Marcgate.Marc;

namespace Marcgate.Validation.Tests;

public sealed class FullRulesTests
{
    private static List<ValidationDiagnostic> Find(MarcRecord record, string id) =>
        [.. record.Check(ValidationLevel.Full).Where(d => d.Id == id)];

    private static ValidationDiagnostic Single(MarcRecord record, string id) => Assert.Single(Find(record, id));

    [Fact]
    public void Clean_record_passes_full() => Assert.Empty(Records.Book().Check(ValidationLevel.Full));

    [Fact]
    public void One_main_entry_at_most()
    {
        var found = Single(Records.Book("110 2  $aMiramax."), ValidationDiagnosticIds.MainEntryRepeated);
        Assert.Contains("100, 110", found.Message, StringComparison.Ordinal);
        Assert.Empty(Find(Records.Book().With("100"), ValidationDiagnosticIds.MainEntryRepeated));
    }

    [Fact]
    public void Title_statement_must_be_present() =>
        Assert.Equal("245", Single(Records.Book().With("245"), ValidationDiagnosticIds.RequiredFieldMissing).Tag);

    [Fact]
    public void Alternate_graphics_are_linked_and_checked_by_their_tag()
    {
        var linked = Records.Book().With("245", "245 10 $6880-01$aSummerland /$cMichael Chabon.");
        linked.Fields.Add(Records.Field("880 10 $6245-01/(N$aЛетняя страна /$cМайкл Шейбон."));
        Assert.Empty(linked.Check());

        var noLinkage = Records.Book("880 10 $aЛетняя страна.");
        Assert.Equal('6', Single(noLinkage, ValidationDiagnosticIds.LinkageInvalid).Subfield);

        var dangling = Records.Book("880 10 $6245-02$aЛетняя страна.");
        Assert.Contains("no 245 has $6 880-02", Single(dangling, ValidationDiagnosticIds.LinkageInvalid).Message, StringComparison.Ordinal);

        var missingAlternate = Records.Book().With("245", "245 10 $6880-01$aSummerland.");
        Assert.Equal("245", Single(missingAlternate, ValidationDiagnosticIds.LinkageInvalid).Tag);

        // The 880 takes 245's rules: first indicator 5 is not defined for 245.
        var badIndicator = Records.Book("880 50 $6245-00$aЛетняя страна.");
        var found = Single(badIndicator, ValidationDiagnosticIds.IndicatorUndefined);
        Assert.Equal("880", found.Tag);
        Assert.StartsWith("880 (for 245) first indicator", found.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_agree_with_publication_statement()
    {
        var found = Single(Records.Book().With("260", "260    $aNew York :$bMiramax,$cc1999."), ValidationDiagnosticIds.DatesDisagree);
        Assert.Equal(7, found.Position);
        Assert.Empty(Find(Records.Book().With("260").With("264", "264  1 $aNew York :$bMiramax,$c[2002]"), ValidationDiagnosticIds.DatesDisagree));
        Assert.Empty(Find(Records.Book().With("008", "008 020805s200u    nyu    j      000 1 eng  ").With("260", "260    $aNew York,$c[200-?]"), ValidationDiagnosticIds.DatesDisagree));
        Assert.NotEmpty(Find(Records.Book().With("260").With("264", "264  1 $aNew York :$bMiramax,$c1998."), ValidationDiagnosticIds.DatesDisagree));
    }

    [Fact]
    public void Language_agrees_with_041()
    {
        Assert.Empty(Find(Records.Book("041 1  $aeng$hfre"), ValidationDiagnosticIds.LanguageDisagrees));
        var found = Single(Records.Book("041 1  $afre$hger"), ValidationDiagnosticIds.LanguageDisagrees);
        Assert.Equal((ValidationSeverity.Error, 35), (found.Severity, found.Position!.Value));
        Assert.Equal(ValidationSeverity.Warning, Single(Records.Book("041 0  $afre$aeng"), ValidationDiagnosticIds.LanguageDisagrees).Severity);
    }

    [Fact]
    public void Cataloging_language_in_040()
    {
        Assert.Empty(Records.Book().With("040", "040    $aDLC$beng$cDLC").Check());
        Assert.Equal('b', Single(Records.Book().With("040", "040    $aDLC$bxyz$cDLC"), ValidationDiagnosticIds.CodeNotInList).Subfield);
    }

    [Fact]
    public void Descriptive_form_agrees_with_rules()
    {
        var rda = Records.Book().With("040", "040    $aDLC$beng$erda$cDLC");
        Assert.Equal(18, Single(rda, ValidationDiagnosticIds.EncodingLevelDisagrees).Position);
        rda.Leader = new Leader("00714cam a2200205 i 4500");
        Assert.Empty(rda.Check());
    }

    [Fact]
    public void Full_level_records_do_not_use_fill_characters()
    {
        var found = Single(Records.Book().With("008", "008 020805s2002    nyu    |      000 1 eng  "), ValidationDiagnosticIds.EncodingLevelDisagrees);
        Assert.Equal((22, ValidationSeverity.Warning), (found.Position!.Value, found.Severity));
        var minimal = Records.Book().With("008", "008 020805s2002    nyu    |      000 1 eng  ");
        minimal.Leader = new Leader("00714cam a22002057a 4500");
        Assert.Empty(minimal.Check());
    }

    [Theory]
    [InlineData("0786808772", true)]
    [InlineData("0786816155 (pbk.)", true)]
    [InlineData("9789867271037", true)]
    [InlineData("978-986-7271-03-7", true)]
    [InlineData("080442957X", true)]
    [InlineData("0786808773", false)]
    [InlineData("9789867271036", false)]
    [InlineData("07868087", false)]
    public void Isbn_check_digit(string isbn, bool valid) =>
        Assert.Equal(valid, Find(Records.Book().With("020", $"020    $a{isbn}"), ValidationDiagnosticIds.CheckDigitInvalid).Count == 0);

    [Fact]
    public void Isbn_with_hyphens_is_a_warning()
    {
        var found = Single(Records.Book().With("020", "020    $a5-340-00160-1"), ValidationDiagnosticIds.SyntaxInvalid);
        Assert.Equal(ValidationSeverity.Warning, found.Severity);
        Assert.Empty(Find(Records.Book().With("020", "020    $a5340001601 (pbk.)"), ValidationDiagnosticIds.SyntaxInvalid));
    }

    [Theory]
    [InlineData("0378-5955", true)]
    [InlineData("2434-561X", true)]
    [InlineData("0378-5954", false)]
    [InlineData("03785955", false)]
    public void Issn_check_digit(string issn, bool valid) =>
        Assert.Equal(valid, Find(Records.Book($"022 0  $a{issn}"), ValidationDiagnosticIds.CheckDigitInvalid).Count == 0);

    [Theory]
    [InlineData("   2002012345 ", true)]
    [InlineData("  2002012345", true)]
    [InlineData("sh 85038796 ", true)]
    [InlineData("   68009306 /AC/r83", true)]
    [InlineData("68-9306", false)]
    [InlineData("n  123", false)]
    public void Lc_control_number_syntax(string lccn, bool valid) =>
        Assert.Equal(valid, Find(Records.Book($"010    $a{lccn}"), ValidationDiagnosticIds.SyntaxInvalid).Count == 0);

    [Theory]
    [InlineData("(OCoLC)63111280", true)]
    [InlineData("(OCoLC)ocm63111280", true)]
    [InlineData("(DLC)sh 85038796", true)]
    [InlineData("63111280", false)]
    [InlineData("(OCoLC)", false)]
    [InlineData("(OCoLC)6311x280", false)]
    public void System_control_number_syntax(string number, bool valid) =>
        Assert.Equal(valid, Find(Records.Book($"035    $a{number}"), ValidationDiagnosticIds.SyntaxInvalid).Count == 0);

    [Fact]
    public void Field_006_and_007_length_by_category()
    {
        Assert.Empty(Records.Book("007 cr |||", "007 ta", "006 m     o  d        ").Check());
        Assert.Contains("needs 6 to 14", Single(Records.Book("007 cr |"), ValidationDiagnosticIds.FixedFieldLengthForCategory).Message, StringComparison.Ordinal);
        Assert.Equal("006", Single(Records.Book("006 m     o  d"), ValidationDiagnosticIds.FixedFieldLengthForCategory).Tag);
        Assert.Equal("007", Single(Records.Book("007 tau"), ValidationDiagnosticIds.FixedFieldLengthForCategory).Tag);
    }

    [Theory]
    [InlineData("245 14 $aThe amazing adventures of Kavalier and Clay", "eng", null)]
    [InlineData("245 10 $aThe amazing adventures", "eng", "245 second indicator is 0 but the title starts with the article 'The#' (4 characters to skip)")]
    [InlineData("245 14 $aAmazing adventures", "eng", "245 second indicator is 4 but the title does not start with a 4-character article")]
    [InlineData("245 12 $aL'homme révolté", "fre", null)]
    [InlineData("245 10 $aA la recherche du temps perdu", "fre", null)]
    [InlineData("245 10 $aLos Angeles :$ba history", "eng", null)]
    [InlineData("245 15 $a\"The book\"", "eng", null)]
    [InlineData("245 13 $aEl ingenioso hidalgo", "spa", null)]
    public void Nonfiling_indicator_against_leading_article(string title, string language, string? message)
    {
        var record = Records.Book().With("245", title).With("008", $"008 020805s2002    nyu    j      000 1 {language}  ");
        var found = Find(record, ValidationDiagnosticIds.NonfilingDisagrees);
        Assert.Equal(message, found.SingleOrDefault()?.Message);
    }

    [Fact]
    public void Marc8_character_sets_are_declared_in_066()
    {
        // MARC-8 (leader/09 blank): ESC ( N designates Basic Cyrillic in G0, ESC ( B returns to ASCII.
        var record = Records.Book("500    $aTitle in \u001b(Nlat\u001b(B.");
        record.Leader = new Leader("00714cam  2200205 a 4500");
        var found = Single(record, ValidationDiagnosticIds.CharacterSetsUndeclared);
        Assert.Contains("Cyrillic", found.Message, StringComparison.Ordinal);
        record.Fields.Insert(4, Records.Field("066    $c(N"));
        Assert.Empty(record.Check());

        // The same bytes under leader/09 'a' are not MARC-8 and need no 066.
        record.Fields.RemoveAt(4);
        record.Leader = new Leader("00714cam a2200205 a 4500");
        Assert.Empty(Find(record, ValidationDiagnosticIds.CharacterSetsUndeclared));
    }

    [Fact]
    public void Marc8_character_sets_after_a_stray_control_character_are_still_seen()
    {
        // The syntax rules report the stray 0x01 first; the escape sequence after it in the same subfield still needs 066.
        var record = Records.Book("500    $aTitle\u0001 in \u001b(Nlat\u001b(B.");
        record.Leader = new Leader("00714cam  2200205 a 4500");

        Assert.Single(Find(record, ValidationDiagnosticIds.SyntaxInvalid));
        Assert.Contains("Cyrillic", Single(record, ValidationDiagnosticIds.CharacterSetsUndeclared).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Authority_records_need_one_heading_and_the_authority_008()
    {
        var authority = Records.Build("00000nz  a2200000n  4500",
        [
            "001 4690806", "005 20120519055904.0", "008 860211i| anannbabn          |a ana      ",
            "040    $aDLC$cDLC", "150    $aDogs", "450    $aDomestic dog",
        ]);
        Assert.Empty(authority.Check());
        Assert.Equal("1XX", Single(authority.With("150"), ValidationDiagnosticIds.RequiredFieldMissing).Tag);
        var badKind = authority.With("150", "150    $aDogs").With("008", "008 860211i| qnannbabn          |a ana      ");
        Assert.Equal(9, Single(badKind, ValidationDiagnosticIds.FixedFieldCodeUndefined).Position);
    }

    [Fact]
    public void Holdings_records_use_the_holdings_008()
    {
        var holdings = Records.Build("00000nx  a22000001n 4500",
            ["001 h1", "004 12883376", "005 20030616111422.0", "008 0208050u    8   4001uueng0000000", "852 0  $aDLC$hPS3553.H15$iS86 2002"]);
        Assert.Empty(holdings.Check());
        Assert.Equal(6, Single(holdings.With("008", "008 0208059u    8   4001uueng0000000"), ValidationDiagnosticIds.FixedFieldCodeUndefined).Position);
    }

    [Fact]
    public void Forced_record_kind_uses_that_formats_tables()
    {
        var found = MarcValidator.Instance.Validate(Records.Book(), ValidationLevel.Basic, MarcRecordKind.Authority);
        Assert.Contains(found, d => d.Id == ValidationDiagnosticIds.TagUndefined && d.Tag == "245");
    }
}
