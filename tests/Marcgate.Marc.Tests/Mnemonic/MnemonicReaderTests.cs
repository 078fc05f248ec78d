using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Tests.Formats;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Mnemonic;

public sealed class MnemonicReaderTests
{
    [Fact]
    public void Brkrtest_mrk_gives_the_records_of_brkrtest_mrc_byte_for_byte()
    {
        var expected = Read.Iso2709(Read.Corpus("valid/brkrtest.mrc"));
        var actual = Read.Mnemonic(Read.Corpus("valid/brkrtest.mrk"));
        Assert.Equal(8, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(!actual[i].Leader.IsUnicode, "a .mrk record with blank leader/09 is MARC-8");
            RecordAssert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Brkrtest_mrk8_gives_the_records_of_brkrtest_UTF8_mrc_at_NFC()
    {
        var expected = Read.Iso2709(Read.Corpus("valid/brkrtest_UTF8.mrc"));
        var actual = Read.Mnemonic(Read.Corpus("valid/brkrtest.mrk8"));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            RecordAssert.Equal(expected[i], actual[i], normalization: NormalizationForm.FormC);
        }
    }

    [Fact]
    public void Blanks_dollars_braces_and_hex_forms_are_decoded()
    {
        var text = "=LDR  00000nam\\a2200000\\a\\4500\r\n=008  960221s1955\\\\\\\\dcu\r\n=245  10$aPrice {dollar}5 {lcub}x{rcub} {U+00E9} {$41}$bback\\slash\r\n\r\n";
        var record = Read.Records(MnemonicReader.ReadAll(Encoding.UTF8.GetBytes(text))).Single();
        Assert.Equal("00000nam a2200000 a 4500", record.Leader.ToString());
        Assert.Equal("960221s1955    dcu", record.GetControlValue("008"));
        var title = record.GetDataFields("245").Single();
        Assert.Equal(('1', '0'), (title.Indicator1, title.Indicator2));
        Assert.Equal("Price $5 {x} é A", title['a']);
        Assert.Equal("back\\slash", title['b']);
    }

    [Fact]
    public void Mnemonics_in_a_marc8_record_become_marc8_bytes_and_unicode_escapes_become_references()
    {
        var text = "=LDR  00000nam  2200000   4500\n=245  10$aK{acute}{Lstrok}{U+4E2D}\n";
        var record = Read.Records(MnemonicReader.ReadAll(Encoding.ASCII.GetBytes(text))).Single();
        Assert.Equal("K\u00E2\u00A1&#x4E2D;", record.GetDataFields("245").Single()['a']);
    }

    [Fact]
    public void Unknown_mnemonic_in_marc8_text_is_kept_and_reported_with_line_and_byte()
    {
        var text = "=LDR  00000nam  2200000   4500\n=245  10$a{zilch}\n";
        var result = MnemonicReader.ReadAll(Encoding.ASCII.GetBytes(text)).Single();
        Assert.Equal("{zilch}", result.Record!.GetDataFields("245").Single()['a']);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(MarcDiagnosticIds.UnknownConstruct, diagnostic.Id);
        Assert.Contains("line 2", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("=245", StringComparison.Ordinal) + 6, diagnostic.ByteOffset);
    }

    [Fact]
    public void Strict_mode_rejects_a_line_that_is_not_a_field()
    {
        var text = "=LDR  00000nam  2200000   4500\ngarbage here\n=245  10$aTitle\n";
        var lenient = MnemonicReader.ReadAll(Encoding.ASCII.GetBytes(text)).Single();
        Assert.NotNull(lenient.Record);
        var strict = MnemonicReader.ReadAll(Encoding.ASCII.GetBytes(text), MarcReaderOptions.StrictDefault).Single();
        Assert.Null(strict.Record);
        Assert.Contains(strict.Diagnostics, d => d.Id == MarcDiagnosticIds.SyntaxError && d.Message.Contains("line 2", StringComparison.Ordinal));
    }

    public static TheoryData<string> ValidIso2709Files => [.. TestFiles.Iso2709Files("valid").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ValidIso2709Files))]
    public void Writer_output_reads_back_to_the_same_records(string name)
    {
        var records = Read.Iso2709(Read.Corpus("valid/" + name));
        using var memory = new MemoryStream();
        using (var writer = new MnemonicWriter(memory, leaveOpen: true))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        var back = Read.Records(MnemonicReader.ReadAll(memory.ToArray()));
        Assert.Equal(records.Count, back.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(Iso2709Writer.Write(records[i]), Iso2709Writer.Write(back[i]));
        }
    }

    [Fact]
    public void Marc8_output_is_plain_ascii_with_mnemonics()
    {
        var record = Read.Iso2709(Read.Corpus("valid/brkrtest.mrc"))[1];
        var text = MnemonicWriter.ToText(record);
        Assert.True(Ascii.IsValid(text));
        Assert.Contains("=LDR  ", text, StringComparison.Ordinal);
        Assert.Contains("{Lstrok}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subfield_code_outside_the_bmp_is_reported_and_its_subfield_ignored()
    {
        // Found by fuzzing: the code took the high half of the pair and the value began with the low half, a lone
        // surrogate that Unicode normalization then threw on.
        var text = "=LDR  00000nam a2200000 a 4500\n=245  10$\U0001F600lost$bkept\n";
        var result = MnemonicReader.ReadAll(Encoding.UTF8.GetBytes(text)).Single();
        var title = result.Record!.GetDataFields("245").Single();
        Assert.Equal([('b', "kept")], title.Subfields.Select(s => (s.Code, s.Value)));
        Assert.Contains(result.Diagnostics, d => d.Id == MarcDiagnosticIds.SyntaxError && d.Severity == MarcSeverity.Warning && d.Message.Contains("U+1F600", StringComparison.Ordinal));
        Assert.Equal("kept", MarcCharsetConverter.ToUnicode(result.Record).GetDataFields("245").Single()['b']);

        var strict = MnemonicReader.ReadAll(Encoding.UTF8.GetBytes(text), MarcReaderOptions.StrictDefault).Single();
        Assert.Null(strict.Record);
    }

    [Fact]
    public void An_indicator_outside_the_bmp_becomes_a_blank_with_a_warning()
    {
        var text = "=LDR  00000nam a2200000 a 4500\n=245  \U0001F600$atitle\n";
        var result = MnemonicReader.ReadAll(Encoding.UTF8.GetBytes(text)).Single();
        var title = result.Record!.GetDataFields("245").Single();
        Assert.Equal((' ', ' '), (title.Indicator1, title.Indicator2));
        Assert.Equal("title", title['a']);
        Assert.Contains(result.Diagnostics, d => d.Id == MarcDiagnosticIds.SyntaxError && d.Message.Contains("indicator", StringComparison.Ordinal));
        _ = MarcCharsetConverter.ToUnicode(result.Record);
    }
}
