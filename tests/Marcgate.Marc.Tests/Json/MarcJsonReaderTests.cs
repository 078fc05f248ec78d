using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Json;
using Marcgate.Marc.Tests.Formats;

namespace Marcgate.Marc.Tests.Json;

public sealed class MarcJsonReaderTests
{
    [Fact]
    public void Summerland_json_reads_to_summerland_mrc_byte_for_byte()
    {
        var record = Read.Json(Read.Corpus("valid/summerland-marc-in-json.json")).Single();
        Assert.Equal(File.ReadAllBytes(Read.Corpus("valid/summerland.mrc")), Iso2709Writer.Write(record));
    }

    [Fact]
    public void Legal_twin_parses_to_the_dylan_record()
    {
        var record = Read.Json(Read.Corpus("invalid/legal-json-marc-in-json.json")).Single();
        Assert.Equal("5674874", record.GetControlValue("001"));
        Assert.Equal("cjm", record.Leader.ToString()[5..8]);
    }

    [Fact]
    public void Illegal_json_yields_a_syntax_error_naming_line_and_byte()
    {
        var bytes = File.ReadAllBytes(Read.Corpus("invalid/illegal-marc-in-json.json"));
        var result = Assert.Single(MarcJsonReader.ReadAll(bytes));
        Assert.Null(result.Record);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(MarcDiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Matches(@"^line \d+:", diagnostic.Message);

        // The offset points at the raw line break inside a string, the first byte JSON forbids there.
        var line = int.Parse(diagnostic.Message[5..diagnostic.Message.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(diagnostic.ByteOffset, 0, bytes.Length - 1);
        Assert.Equal((byte)'\n', bytes[diagnostic.ByteOffset]);
        Assert.Equal(line, bytes.AsSpan(0, (int)diagnostic.ByteOffset).Count((byte)'\n') + 1);
    }

    [Fact]
    public void One_object_an_array_and_json_lines_give_the_same_records()
    {
        var records = Read.Iso2709(Read.Corpus("valid/chabon.mrc"));
        var lines = Encoding.UTF8.GetString(MarcJsonWriterTests.Write(records));
        var objects = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var array = "[\n" + string.Join(",\n", objects) + "\n]";
        var concatenated = string.Join("", objects);
        foreach (var layout in new[] { lines, array, concatenated, "\uFEFF" + lines })
        {
            var back = Read.Records(MarcJsonReader.ReadAll(Encoding.UTF8.GetBytes(layout)));
            Assert.Equal(records.Count, back.Count);
            Assert.Equal(records.SelectMany(Iso2709Writer.Write), back.SelectMany(Iso2709Writer.Write));
        }
    }

    [Fact]
    public void Unknown_member_is_an_error_in_strict_mode_and_a_warning_in_lenient_mode()
    {
        var json = """{"leader":"00000nam a2200000 a 4500","fields":[{"001":"x"}],"extra":{"a":[1,2]}}""";
        var lenient = MarcJsonReader.ReadAll(Encoding.UTF8.GetBytes(json)).Single();
        Assert.Equal("x", lenient.Record!.GetControlValue("001"));
        Assert.Equal(MarcSeverity.Warning, lenient.Diagnostics.Single().Severity);
        Assert.Equal(json.IndexOf("\"extra\"", StringComparison.Ordinal), lenient.Diagnostics.Single().ByteOffset);
        var strict = MarcJsonReader.ReadAll(Encoding.UTF8.GetBytes(json), MarcReaderOptions.StrictDefault).Single();
        Assert.Null(strict.Record);
        Assert.Equal(MarcDiagnosticIds.UnknownConstruct, strict.Diagnostics.Single().Id);
    }

    [Fact]
    public void Records_larger_than_the_read_buffer_are_read_whole()
    {
        var big = new string('x', 9000);
        var record = new MarcRecord(fields: Enumerable.Range(0, 20).Select(i => new DataField("500", ' ', ' ', [new Subfield('a', big + i)])));
        var back = Read.Records(MarcJsonReader.ReadAll(MarcJsonWriterTests.Write([record, record]))).ToList();
        Assert.Equal(2, back.Count);
        Assert.Equal(big + 19, back[1].GetDataFields("500").Last()['a']);
    }

    [Fact]
    public void Truncated_input_is_an_error_not_an_exception()
    {
        var json = """{"leader":"00000nam a2200000 a 4500","fields":[{"001":"x"}""";
        var result = MarcJsonReader.ReadAll(Encoding.UTF8.GetBytes(json)).Single();
        Assert.Null(result.Record);
        Assert.Equal(MarcSeverity.Error, result.Diagnostics.Single().Severity);
    }

    [Fact]
    public void Wrong_value_types_are_reported_with_their_byte_offset()
    {
        var json = """{"leader":"00000nam a2200000 a 4500","fields":[{"245":{"ind1":"1","ind2":"0","subfields":[{"a":5}]}}]}""";
        var result = MarcJsonReader.ReadAll(Encoding.UTF8.GetBytes(json)).Single();
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(json.IndexOf("\"a\":5", StringComparison.Ordinal), diagnostic.ByteOffset);
        Assert.Contains("field 245 $a", diagnostic.Message, StringComparison.Ordinal);
    }
}
