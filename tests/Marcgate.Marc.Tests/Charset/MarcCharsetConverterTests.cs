using System.Text;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>Record-level conversion: leader/09, UTF-8 under a MARC-8 leader, field-scoped designations.</summary>
public sealed class MarcCharsetConverterTests
{
    [Fact]
    public void Normalization_is_available_to_the_tests()
    {
        // Turning InvariantGlobalization on makes NFC a no-op and this suite meaningless; say so first.
        Assert.True(MarcCharsetConverter.CanNormalize, "InvariantGlobalization must be false for MARC-8 conversion");
    }

    [Fact]
    public void Marc8_record_becomes_unicode_with_leader_09_a()
    {
        var record = Read("valid/marc8.dat");
        var diagnostics = new List<MarcDiagnostic>();
        var unicode = MarcCharsetConverter.ToUnicode(record, diagnostics, recordNumber: 1);

        Assert.Equal('a', unicode.Leader.CharacterCodingScheme);
        Assert.Equal(' ', record.Leader.CharacterCodingScheme);
        Assert.Equal("De la solitude \u00E0 la communaut\u00E9.", unicode.GetDataFields("240").Single()['a']);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Marc8_record_equals_its_utf8_twin()
    {
        var fromMarc8 = MarcCharsetConverter.ToUnicode(Read("valid/marc8.dat"));
        var fromUtf8 = MarcCharsetConverter.ToUnicode(Read("valid/utf8_with_leader_flag.dat"));
        Assert.Equal(Text(fromUtf8), Text(fromMarc8));
    }

    [Fact]
    public void Unicode_record_passes_through_as_nfc()
    {
        var record = Read("valid/utf8_with_leader_flag.dat");
        Assert.Contains(Text(record), s => !s.IsNormalized(NormalizationForm.FormC));
        var unicode = MarcCharsetConverter.ToUnicode(record);
        Assert.All(Text(unicode), s => Assert.True(s.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void Utf8_bytes_under_a_blank_leader_are_read_as_utf8_and_reported()
    {
        var diagnostics = new List<MarcDiagnostic>();
        var unicode = MarcCharsetConverter.ToUnicode(Read("valid/utf8_without_leader_flag.dat"), diagnostics, recordNumber: 1);

        Assert.Equal(Text(MarcCharsetConverter.ToUnicode(Read("valid/utf8_with_leader_flag.dat"))), Text(unicode));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(MarcDiagnosticIds.Utf8UnderMarc8Leader, diagnostic.Id);
        Assert.Equal(1, diagnostic.RecordNumber);
    }

    [Fact]
    public void Every_fsl_record_is_detected_as_utf8()
    {
        var count = 0;
        foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc("valid/FSL.marc"))))
        {
            var diagnostics = new List<MarcDiagnostic>();
            var unicode = MarcCharsetConverter.ToUnicode(result.Record!, diagnostics, result.RecordNumber);
            Assert.Equal(MarcDiagnosticIds.Utf8UnderMarc8Leader, Assert.Single(diagnostics).Id);
            Assert.DoesNotContain(Text(unicode), s => s.Contains('\uFFFD', StringComparison.Ordinal));
            count++;
        }

        Assert.Equal(52, count);
    }

    [Theory]
    [InlineData("valid/marc8.dat")]
    [InlineData("valid/lul_fre_500.mrc")]
    [InlineData("valid/diacritic4.mrc")]
    [InlineData("valid/manden.marc")]
    public void Ansel_text_is_not_taken_for_utf8(string file)
    {
        foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc(file))))
        {
            var diagnostics = new List<MarcDiagnostic>();
            MarcCharsetConverter.ToUnicode(result.Record!, diagnostics);
            Assert.DoesNotContain(diagnostics, d => d.Id == MarcDiagnosticIds.Utf8UnderMarc8Leader);
        }
    }

    [Fact]
    public void Seven_bit_marc8_with_eacc_and_no_high_bytes_is_decoded()
    {
        // cjk3.marc: every byte is below 80, yet its 880s are EACC behind ESC $ 1.
        var bytes = File.ReadAllBytes(TestFiles.Marc("valid/cjk3.marc"));
        Assert.DoesNotContain(bytes, b => b >= 0x80);
        var diagnostics = new List<MarcDiagnostic>();
        var unicode = MarcCharsetConverter.ToUnicode(Read("valid/cjk3.marc"), diagnostics);

        Assert.Empty(diagnostics);
        var title = unicode.GetDataFields("880").First(f => f['6']?.StartsWith("245", StringComparison.Ordinal) == true)['a']!;
        Assert.Contains(title, c => c is >= '\u4E00' and <= '\u9FFF');
        Assert.DoesNotContain('\u001B', title);
    }

    [Fact]
    public void Designations_hold_across_subfields_and_reset_at_each_field()
    {
        var record = new MarcRecord(new Leader("00000nam  2200000 a 4500"),
        [
            new DataField("880", '1', '0', [new Subfield('a', "\u001B(NABW"), new Subfield('b', "GDE\u001B(B")]),
            new DataField("500", ' ', ' ', [new Subfield('a', "ABW")]),
        ]);
        var unicode = MarcCharsetConverter.ToUnicode(record);
        var first = (DataField)unicode.Fields[0];

        Assert.Equal("\u0430\u0431\u0432", first['a']);
        Assert.Equal("\u0433\u0434\u0435", first['b']);
        Assert.Equal("ABW", ((DataField)unicode.Fields[1])['a']);
    }

    [Fact]
    public void Bad_marc8_escape_keeps_the_escape_and_reports_each_one()
    {
        var diagnostics = new List<MarcDiagnostic>();
        var unicode = MarcCharsetConverter.ToUnicode(Read("invalid/bad_marc8_escape.dat"), diagnostics, recordNumber: 1);

        // pymarc's expectation for 260 $b.
        Assert.Equal("La Soci\u00E9t\u001B,", unicode.GetDataFields("260").Single()['b']);
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(MarcDiagnosticIds.Marc8Invalid, d.Id));
        Assert.Contains(diagnostics, d => d.Message.Contains("field 260 $b", StringComparison.Ordinal));
    }

    [Fact]
    public void To_marc8_sets_leader_09_blank_and_round_trips_through_iso2709()
    {
        var unicode = MarcCharsetConverter.ToUnicode(Read("valid/cyrillic.marc"));
        var marc8 = MarcCharsetConverter.ToMarc8(unicode);
        Assert.Equal(' ', marc8.Leader.CharacterCodingScheme);

        var reread = Iso2709Reader.ReadAll(Iso2709Writer.Write(marc8)).Single().Record!;
        Assert.Equal(Text(unicode), Text(MarcCharsetConverter.ToUnicode(reread)));
    }

    [Fact]
    public void To_marc8_of_a_marc8_record_is_a_copy()
    {
        var record = Read("valid/manden.marc");
        var copy = MarcCharsetConverter.ToMarc8(record);
        Assert.NotSame(record, copy);
        Assert.Equal(Text(record), Text(copy));
    }

    private static MarcRecord Read(string file) =>
        Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc(file))).Single().Record!;

    private static List<string> Text(MarcRecord record) => [.. record.Fields.Select(f => f.ToString()!)];
}
