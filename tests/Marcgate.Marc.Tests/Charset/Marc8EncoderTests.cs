using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>Unicode to MARC-8, and round trips Unicode → MARC-8 → Unicode for text MARC-8 can represent.</summary>
public sealed class Marc8EncoderTests
{
    [Fact]
    public void Combining_marks_are_written_before_their_base()
    {
        Assert.Equal("communaut\u00E2e", MarcCharsetConverter.UnicodeToMarc8("communaut\u00E9"));
    }

    [Fact]
    public void Non_latin_text_escapes_to_its_set_and_back_to_ascii_at_the_end()
    {
        Assert.Equal("a \u001B(NABW\u001B(B", MarcCharsetConverter.UnicodeToMarc8("a \u0430\u0431\u0432"));
        Assert.Equal("\u001B$1!0!\u001B(B", MarcCharsetConverter.UnicodeToMarc8("\u4E00"));
    }

    [Fact]
    public void Single_byte_technique_is_used_for_greek_symbols_subscripts_and_superscripts()
    {
        Assert.Equal("H\u001Bb2\u001BsO", MarcCharsetConverter.UnicodeToMarc8("H\u2082O"));
    }

    [Fact]
    public void Ansel_characters_need_no_escape()
    {
        Assert.Equal("\u00A1\u00B5", MarcCharsetConverter.UnicodeToMarc8("\u0141\u00E6"));
    }

    [Fact]
    public void Double_diacritic_becomes_two_halves()
    {
        Assert.Equal("\u00EBt\u00ECs", MarcCharsetConverter.UnicodeToMarc8("t\u0361s"));
        Assert.Equal("\u00FAn\u00FBg", MarcCharsetConverter.UnicodeToMarc8("n\u0360g"));
    }

    [Fact]
    public void Characters_marc8_lacks_become_numeric_character_references()
    {
        Assert.Equal("&#x0915;&#x1F600;", MarcCharsetConverter.UnicodeToMarc8("\u0915\U0001F600"));
        Assert.Equal("\u001B(N\u0041\u001B(B&#x0915;", MarcCharsetConverter.UnicodeToMarc8("\u0430\u0915"));
    }

    [Fact]
    public void Hangul_syllables_stay_whole_in_eacc()
    {
        var marc8 = MarcCharsetConverter.UnicodeToMarc8("\uAC00");
        Assert.DoesNotContain("&#x", marc8, StringComparison.Ordinal);
        Assert.Equal("\uAC00", MarcCharsetConverter.Marc8ToUnicode(marc8));
    }

    [Fact]
    public void Bytes_api_writes_one_byte_per_char()
    {
        Assert.Equal(new byte[] { 0xE2, 0x65 }, MarcCharsetConverter.UnicodeToMarc8Bytes("\u00E9"));
    }

    [Fact]
    public void Every_oracle_answer_round_trips()
    {
        var wrong = new List<string>();
        var lines = File.ReadAllText(TestFiles.Marc("marc8-oracle/test_utf8.txt"), Encoding.UTF8).Split('\n');
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            // The Innovative Interfaces codes are not MARC 21: the encoder writes references for them.
            var expected = line.Normalize(NormalizationForm.FormC);
            if (expected.AsSpan().ContainsAny("\u2026\u2014\u2122"))
            {
                Assert.Equal("a &#x2026;\u201C&#x2014;&#x2019;\u201D&#x2122; z", MarcCharsetConverter.Marc8ToUnicode(MarcCharsetConverter.UnicodeToMarc8(expected)));
                continue;
            }

            var diagnostics = new List<MarcDiagnostic>();
            var back = MarcCharsetConverter.Marc8ToUnicode(MarcCharsetConverter.UnicodeToMarc8(expected), diagnostics);
            if (back != expected || diagnostics.Count > 0)
            {
                wrong.Add($"[{expected}] came back as [{back}]");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} lines do not round-trip:\n" + string.Join("\n", wrong.Take(10)));
    }

    [Theory]
    [InlineData("valid/diacritic4.mrc")]
    [InlineData("valid/brkrtest.mrc")]
    [InlineData("valid/cjk1.marc")]
    [InlineData("valid/cjk4.marc")]
    [InlineData("valid/hebrew4.marc")]
    [InlineData("valid/cyrillic.marc")]
    [InlineData("valid/lul_fre_500.mrc")]
    [InlineData("yaz-golden/marc7.marc")]
    [InlineData("yaz-golden/marc9.marc")]
    public void Records_converted_to_unicode_and_back_to_marc8_decode_the_same(string file)
    {
        foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc(file))))
        {
            var unicode = MarcCharsetConverter.ToUnicode(result.Record!);
            var marc8 = MarcCharsetConverter.ToMarc8(unicode);
            Assert.Equal(' ', marc8.Leader.CharacterCodingScheme);
            var again = MarcCharsetConverter.ToUnicode(marc8);
            Assert.Equal(Values(unicode), Values(again));
        }
    }

    [Fact]
    public void Random_representable_text_round_trips()
    {
        var letters = Gen.Elements(RepresentableBases());
        var marks = Gen.Elements(RepresentableMarks());
        var cluster = Gen.Zip(letters, Gen.ListOf(marks).Select(m => string.Concat(m.Take(3))))
            .Select(p => p.Item1 + p.Item2);
        var text = Gen.ListOf(cluster).Select(string.Concat);
        Prop.ForAll(text.ToArbitrary(), value =>
        {
            var expected = value.Normalize(NormalizationForm.FormC);
            return MarcCharsetConverter.Marc8ToUnicode(MarcCharsetConverter.UnicodeToMarc8(value)) == expected;
        }).QuickCheckThrowOnFailure();
    }

    private static string[] RepresentableBases() =>
        ["a", "e", "Z", " ", "1", "\u0141", "\u00F8", "\u00E6", "\u0430", "\u044F", "\u05D0", "\u0627", "\u03B1", "\u2082", "\u00B2", "\u4E00", "\uAC00", "\u00E9", "\u1EC7"];

    private static string[] RepresentableMarks() =>
        ["\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u0323", "\u0327", "\u0328", "\u030C"];

    private static List<string> Values(MarcRecord record) =>
        [.. record.Fields.Select(f => f.ToString()!)];
}
