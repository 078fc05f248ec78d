namespace Marcgate.Validation.Tests;

public sealed class BasicRulesTests
{
    private static ValidationDiagnostic Single(Marc.MarcRecord record, string id)
    {
        var found = record.Check(ValidationLevel.Basic).Where(d => d.Id == id).ToList();
        return Assert.Single(found);
    }

    [Fact]
    public void Clean_record_passes_basic() => Assert.Empty(Records.Book().Check(ValidationLevel.Basic));

    [Fact]
    public void Undefined_tag_is_an_error_but_local_and_oclc_tags_are_not()
    {
        var found = Single(Records.Book("123    $afoo"), ValidationDiagnosticIds.TagUndefined);
        Assert.Equal((ValidationSeverity.Error, "123"), (found.Severity, found.Tag));
        Assert.Empty(Records.Book("949    $afoo", "590    $alocal note", "029 1  $aGEBAY$b10724576", "049    $aVA@@", "994    $aC0$bVA@").Check(ValidationLevel.Full));
    }

    [Fact]
    public void Non_repeatable_field_repeated()
    {
        var found = Single(Records.Book().With("245", "245 10 $aSummerland /$cMichael Chabon.", "245 10 $aSummerland."), ValidationDiagnosticIds.FieldNotRepeatable);
        Assert.Equal(("245", 2), (found.Tag, found.Occurrence));
        Assert.Empty(Records.Book().With("650", "650  0 $aA.", "650  0 $aB.").Check(ValidationLevel.Basic));
    }

    [Fact]
    public void Indicator_not_defined_for_the_field()
    {
        var found = Single(Records.Book().With("650", "650  9 $aFantasy."), ValidationDiagnosticIds.IndicatorUndefined);
        Assert.Equal((2, "650 second indicator is '9'; 650 allows 0, 1, 2, 3, 4, 5, 6, 7"), (found.Indicator!.Value, found.Message));
        Assert.Empty(Records.Book().With("650", "650  7 $aFantasy.$2fast").Check(ValidationLevel.Basic));
    }

    [Fact]
    public void Subfield_not_defined_or_not_repeatable()
    {
        var undefined = Single(Records.Book().With("250", "250    $a1st ed.$zx"), ValidationDiagnosticIds.SubfieldUndefined);
        Assert.Equal('z', undefined.Subfield);
        var repeated = Single(Records.Book().With("245", "245 10 $aSummerland$aagain"), ValidationDiagnosticIds.SubfieldNotRepeatable);
        Assert.Equal('a', repeated.Subfield);
        Assert.Empty(Records.Book().With("245", "245 10 $aSummerland.$nPart 1,$pThe beginning ;$nPart 2.").Check(ValidationLevel.Basic));
    }

    [Fact]
    public void Fixed_field_length_and_codes()
    {
        Assert.Equal(ValidationDiagnosticIds.FixedFieldLength, Single(Records.Book().With("008", "008 020805s2002    nyu    j      000 1 eng "), ValidationDiagnosticIds.FixedFieldLength).Id);
        var audience = Single(Records.Book().With("008", "008 020805s2002    nyu    q      000 1 eng  "), ValidationDiagnosticIds.FixedFieldCodeUndefined);
        Assert.Equal(("008", 22), (audience.Tag, audience.Position!.Value));
        Assert.Contains("for books", audience.Message, StringComparison.Ordinal);

        // For music (leader/06 'c') 008/18-19 is the form of composition, where 'zz' (other) is defined.
        var score = Records.Book().With("008", "008 020805s2002    nyuzzn  j      000 1 eng  ");
        score.Leader = new Marc.Leader("00714ccm a2200205 a 4500");
        var composition = score.Check(ValidationLevel.Basic).Where(d => d.Id == ValidationDiagnosticIds.FixedFieldCodeUndefined).Select(d => d.Position).ToList();
        Assert.DoesNotContain(18, composition);
    }

    [Fact]
    public void Fill_character_is_accepted_in_coded_positions() =>
        Assert.Empty(Records.Book().With("008", "008 020805s2002    nyu|||||||||||||||||eng  ").Check(ValidationLevel.Basic));

    [Fact]
    public void Leader_codes()
    {
        var record = Records.Book();
        record.Leader = new Marc.Leader("00714qam a2200205 a 4500");
        Assert.Equal(5, Single(record, ValidationDiagnosticIds.FixedFieldCodeUndefined).Position);
        record.Leader = new Marc.Leader("00714cam a2200205Ia 4500");
        Assert.Empty(record.Check(ValidationLevel.Basic)); // OCLC encoding level I
    }

    [Fact]
    public void Field_007_codes_by_category()
    {
        Assert.Empty(Records.Book("007 cr |||||||||||").Check(ValidationLevel.Basic));
        var found = Single(Records.Book("007 cq |||||||||||"), ValidationDiagnosticIds.FixedFieldCodeUndefined);
        Assert.Equal(("007", 1), (found.Tag, found.Position!.Value));
        Assert.Equal(0, Single(Records.Book("007 wr"), ValidationDiagnosticIds.FixedFieldCodeUndefined).Position);
    }

    [Fact]
    public void Field_006_codes_by_form_of_material()
    {
        Assert.Empty(Records.Book("006 m     o  d        ").Check(ValidationLevel.Basic));
        var found = Single(Records.Book("006 m     o  q        "), ValidationDiagnosticIds.FixedFieldCodeUndefined);
        Assert.Equal(9, found.Position);
    }

    [Fact]
    public void Obsolete_field_is_a_warning()
    {
        var found = Single(Records.Book("440  0 $aOriginal jazz classics."), ValidationDiagnosticIds.Obsolete);
        Assert.Equal(ValidationSeverity.Warning, found.Severity);
    }

    [Fact]
    public void Language_code_in_008()
    {
        var found = Single(Records.Book().With("008", "008 020805s2002    nyu    j      000 1 xxx  "), ValidationDiagnosticIds.CodeNotInList);
        Assert.Equal("008/35-37 (language): 'xxx' is not a MARC language code", found.Message);
        Assert.Equal(35, found.Position);
        var obsolete = Single(Records.Book().With("008", "008 020805s2002    nyu    j      000 1 esk  "), ValidationDiagnosticIds.CodeObsolete);
        Assert.Equal(ValidationSeverity.Warning, obsolete.Severity);
    }

    [Fact]
    public void Country_code_in_008() =>
        Assert.Equal(15, Single(Records.Book().With("008", "008 020805s2002    qqq    j      000 1 eng  "), ValidationDiagnosticIds.CodeNotInList).Position);

    [Fact]
    public void Language_geographic_area_and_relator_codes()
    {
        Assert.Empty(Records.Book("041 0  $aeng$hfre", "043    $an-us---", "700 1  $aDeer, Jane,$eillustrator.$4ill").Check(ValidationLevel.Basic));
        Assert.Equal("041", Single(Records.Book("041 0  $aeng$hzzz"), ValidationDiagnosticIds.CodeNotInList).Tag);
        Assert.Equal("043", Single(Records.Book("043    $an-xx---"), ValidationDiagnosticIds.CodeNotInList).Tag);
        Assert.Equal('4', Single(Records.Book("700 1  $aDeer, Jane.$4xyz"), ValidationDiagnosticIds.CodeNotInList).Subfield);
        Assert.Empty(Records.Book("700 1  $aDeer, Jane.$4http://id.loc.gov/vocabulary/relators/ill").Check(ValidationLevel.Basic));
    }

    [Fact]
    public void Concatenated_language_codes_are_a_warning()
    {
        var found = Single(Records.Book("041 1  $aengfre"), ValidationDiagnosticIds.SyntaxInvalid);
        Assert.Equal(ValidationSeverity.Warning, found.Severity);
    }

    [Fact]
    public void Transaction_date_and_date_entered()
    {
        Assert.Equal("005", Single(Records.Book().With("005", "005 2003061611142"), ValidationDiagnosticIds.SyntaxInvalid).Tag);
        Assert.Equal("005", Single(Records.Book().With("005", "005 20031316111422.0"), ValidationDiagnosticIds.SyntaxInvalid).Tag);
        Assert.Equal(0, Single(Records.Book().With("008", "008 021305s2002    nyu    j      000 1 eng  "), ValidationDiagnosticIds.SyntaxInvalid).Position);
    }

    [Fact]
    public void Control_character_in_data() =>
        Assert.Equal('a', Single(Records.Book("500    $aLine one\nline two."), ValidationDiagnosticIds.SyntaxInvalid).Subfield);

    [Fact]
    public void Control_character_anywhere_in_a_long_value_is_found_but_escape_is_not()
    {
        // Values are scanned several characters at a time: a control character at each position, in short and long values.
        for (var length = 1; length <= 40; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var value = new string('x', length).ToCharArray();
                value[at] = '\u001b';
                Assert.DoesNotContain(Records.Book($"500    $a{new string(value)}").Check(ValidationLevel.Basic), d => d.Id == ValidationDiagnosticIds.SyntaxInvalid);
                value[at] = '\u001f';
                var found = Single(Records.Book($"500    $a{new string(value)}"), ValidationDiagnosticIds.SyntaxInvalid);
                Assert.EndsWith("holds the control character \\x1F", found.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Control_character_among_characters_above_U8000_is_found()
    {
        // Wide characters (Hangul, fullwidth forms) have the top bit of their UTF-16 unit set: they must neither hide nor fake a control character.
        foreach (var filler in (char[])['\uAC00', '\uFF1F', '\u8000', ' '])
        {
            for (var length = 1; length <= 20; length++)
            {
                var clean = new string(filler, length);
                Assert.DoesNotContain(Records.Book($"500    $a{clean}").Check(ValidationLevel.Basic), d => d.Id == ValidationDiagnosticIds.SyntaxInvalid);
                for (var at = 0; at < length; at++)
                {
                    var value = clean.ToCharArray();
                    value[at] = '\u0001';
                    Assert.Equal('a', Single(Records.Book($"500    $a{new string(value)}"), ValidationDiagnosticIds.SyntaxInvalid).Subfield);
                }
            }
        }
    }

    [Fact]
    public void Oclc_field_problems_are_warnings_not_errors()
    {
        var findings = Records.Book("029 5  $aGEBAY").Check(ValidationLevel.Basic);
        var found = Assert.Single(findings);
        Assert.Equal((ValidationDiagnosticIds.IndicatorUndefined, ValidationSeverity.Warning), (found.Id, found.Severity));
    }
}
