using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>MARC-8 decoding edge cases (MARC 21 character sets, part 3), one behaviour per test.</summary>
public sealed class Marc8DecoderTests
{
    [Fact]
    public void Ascii_without_escapes_is_returned_as_is()
    {
        const string text = "Summerland / Michael Chabon.";
        Assert.Same(text, MarcCharsetConverter.Marc8ToUnicode(text));
    }

    [Fact]
    public void Combining_mark_before_its_base_comes_after_it_and_composes()
    {
        // pymarc marc8.dat: "De la solitude \xE1a la communaut\xE2e."
        Assert.Equal("De la solitude \u00E0 la communaut\u00E9.", Decode("De la solitude \u00E1a la communaut\u00E2e."));
    }

    [Fact]
    public void Stacked_combining_marks_all_go_to_the_next_base()
    {
        // E3 circumflex + F2 dot below before e: U+1EC7, the Vietnamese e with both.
        Assert.Equal("Vi\u1EC7t", Decode("Vi\u00E3\u00F2et"));
    }

    [Fact]
    public void Ligature_halves_join_into_one_double_inverted_breve()
    {
        // ANSEL EB (first half) before t, EC (second half) before s.
        Assert.Equal("t\u0361s", Decode("\u00EBt\u00ECs"));
    }

    [Fact]
    public void Double_tilde_halves_join_into_one_double_tilde()
    {
        Assert.Equal("n\u0360g", Decode("\u00FAn\u00FBg"));
    }

    [Fact]
    public void Single_byte_technique_switches_g0_mid_field_and_back()
    {
        Assert.Equal("H\u2082O and x\u00B2 and \u03B1\u03B2\u03B3", Decode("H\u001Bb2\u001BsO and x\u001Bp2\u001Bs and \u001Bgabc\u001Bs"));
    }

    [Fact]
    public void Escape_at_the_end_of_a_value_switches_nothing_visible()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Assert.Equal("\u0411", MarcCharsetConverter.Marc8ToUnicode("\u001B(Nb\u001B(B", diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Eacc_reads_three_bytes_per_character()
    {
        // EACC 213021 is U+4E00; ESC $ 1 designates EACC as G0, ESC ( B returns to ASCII.
        Assert.Equal("a\u4E00b", Decode("a\u001B$1!0!\u001B(Bb"));
    }

    [Fact]
    public void Eacc_outside_the_bmp_becomes_a_surrogate_pair()
    {
        // EACC 217559 is U+212C4 in the LoC table.
        Assert.Equal(char.ConvertFromUtf32(0x212C4), Decode("\u001B$1!uY\u001B(B"));
    }

    [Fact]
    public void Space_stays_single_byte_inside_eacc()
    {
        Assert.Equal("\u4E00 \u4E00", Decode("\u001B$1!0! !0!\u001B(B"));
    }

    [Fact]
    public void Innovative_interfaces_codes_decode()
    {
        Assert.Equal("\u2014\u2122", Decode("\u001B$1\u007F\u0020\u0014\u007F\u0021\u0022\u001B(B"));
    }

    [Fact]
    public void Innovative_interfaces_codes_are_undefined_when_switched_off()
    {
        var diagnostics = new List<MarcDiagnostic>();
        var text = MarcCharsetConverter.Marc8ToUnicode("\u001B$1\u007F\u0021\u0022\u001B(B", diagnostics, innovativeCharacters: false);
        Assert.Equal("\uFFFD", text);
        Assert.Single(diagnostics);
    }

    [Fact]
    public void G1_designation_reads_high_bytes_from_the_named_set()
    {
        // ESC ) Q: Extended Cyrillic as G1, whose C0 is U+0491; ESC ) ! E restores ANSEL.
        Assert.Equal("\u0491\u0141", Decode("\u001B)Q\u00C0\u001B)!E\u00A1"));
    }

    [Fact]
    public void G0_sets_for_hebrew_cyrillic_arabic_and_greek()
    {
        Assert.Equal("\u05F4", Decode("\u001B(2\"\u001B(B"));
        Assert.Equal("\u0430", Decode("\u001B(NA\u001B(B"));
        Assert.Equal("\u0621", Decode("\u001B(3A\u001B(B"));
        Assert.Equal("\u03AC", Decode("\u001B(S\u0022a\u001B(B"));
    }

    [Fact]
    public void Bare_escape_survives_as_u001b_with_a_diagnostic_naming_its_offset()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Assert.Equal("Soci\u001Bt\u00E9", MarcCharsetConverter.Marc8ToUnicode("Soci\u001Bt\u00E2e", diagnostics, recordNumber: 7));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(MarcDiagnosticIds.Marc8Invalid, diagnostic.Id);
        Assert.Equal(7, diagnostic.RecordNumber);
        Assert.Contains("byte 4", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_cut_off_by_the_end_of_the_value_keeps_its_bytes()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Assert.Equal("La Soci\u00E9t\u001B,", MarcCharsetConverter.Marc8ToUnicode("La Soci\u00E2et\u001B,", diagnostics));
        Assert.Single(diagnostics);
    }

    [Fact]
    public void Escape_to_an_unknown_set_is_reported_and_leaves_the_designation()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Assert.Equal("abc", MarcCharsetConverter.Marc8ToUnicode("\u001B(Zabc", diagnostics));
        Assert.Contains("5A", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_byte_becomes_a_replacement_character_with_a_diagnostic()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Assert.Equal("a\uFFFDb", MarcCharsetConverter.Marc8ToUnicode("a\u00FDb", diagnostics));
        Assert.Contains("byte 1", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_eacc_character_is_reported()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Assert.Equal("\uFFFD", MarcCharsetConverter.Marc8ToUnicode("\u001B$1!", diagnostics));
        Assert.Single(diagnostics);
    }

    [Fact]
    public void Combining_mark_with_no_base_is_kept_and_reported()
    {
        var diagnostics = new List<MarcDiagnostic>();
        Assert.Equal("x \u0301", MarcCharsetConverter.Marc8ToUnicode("x \u00E2", diagnostics));
        Assert.Single(diagnostics);
    }

    [Fact]
    public void Stray_control_characters_are_kept_in_every_set()
    {
        // Validation and the MARCXML writer report them; for the charset they are C0 controls like any other.
        Assert.Equal("a\u000Cb\u4E00\u000C\u4E00", Decode("a\u000Cb\u001B$1!0!\u000C!0!\u001B(B"));
    }

    [Fact]
    public void Bytes_api_equals_string_api()
    {
        var bytes = new byte[] { 0x1B, 0x24, 0x31, 0x21, 0x30, 0x21, 0x1B, 0x28, 0x42, 0xE2, 0x65 };
        Assert.Equal("\u4E00\u00E9", MarcCharsetConverter.Marc8ToUnicode(bytes));
    }

    [Fact]
    public void Output_is_nfc()
    {
        var decoded = Decode("\u00E2e\u00E8u\u00F0c \u001B(S\u0022a\u001B(B");
        Assert.True(decoded.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("\u00E9\u00FC\u00E7 \u03AC", decoded);
    }

    [Fact]
    public void No_input_throws_or_loops()
    {
        // Every single byte and every byte after each escape intermediate: the decoder must always finish.
        for (var first = 0; first < 256; first++)
        {
            foreach (var prefix in new[] { "", "\u001B", "\u001B(", "\u001B$", "\u001B$)", "\u001B$1", "\u001B)", "\u001B)Q" })
            {
                var input = prefix + (char)first + (char)first + "a";
                var result = MarcCharsetConverter.Marc8ToUnicode(input, []);
                Assert.NotNull(result);
            }
        }
    }

    [Fact]
    public void Random_bytes_decode_without_throwing_and_every_problem_is_reported_with_an_offset()
    {
        var bytes = Gen.Elements(Enumerable.Range(0, 256).Select(b => (char)b).Concat("\u001B\u001B$()!1NgsE".ToCharArray()).ToArray());
        Prop.ForAll(Gen.ArrayOf(bytes).Select(c => new string(c)).ToArbitrary(), input =>
        {
            var diagnostics = new List<MarcDiagnostic>();
            var text = MarcCharsetConverter.Marc8ToUnicode(input, diagnostics);
            // Each byte yields at most one UTF-16 unit (three EACC bytes at most two), which sizes the output buffer.
            return text.Length <= input.Length
                && diagnostics.TrueForAll(d => d.Id == MarcDiagnosticIds.Marc8Invalid && d.Message.Contains("byte ", StringComparison.Ordinal));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_invalid_corpus_record_converts_without_throwing()
    {
        foreach (var file in Directory.GetFiles(TestFiles.Marc("invalid"), "*.*").Where(f => !f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal)))
        {
            foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(file)).Where(r => r.Record is not null))
            {
                var unicode = MarcCharsetConverter.ToUnicode(result.Record!, [], result.RecordNumber);
                Assert.Equal('a', unicode.Leader.CharacterCodingScheme);
                MarcCharsetConverter.ToMarc8(unicode);
            }
        }
    }

    private static string Decode(string marc8)
    {
        var diagnostics = new List<MarcDiagnostic>();
        var text = MarcCharsetConverter.Marc8ToUnicode(marc8, diagnostics);
        Assert.Empty(diagnostics);
        return text;
    }
}
