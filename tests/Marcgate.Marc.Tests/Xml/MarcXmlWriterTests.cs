using System.Text;
using System.Xml;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Tests.Formats;
using Marcgate.Marc.Xml;

namespace Marcgate.Marc.Tests.Xml;

public sealed class MarcXmlWriterTests
{
    [Theory]
    [InlineData("valid/100.mrc")]
    [InlineData("valid/CornellFOLIOExemplars.mrc")]
    [InlineData("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc")]
    [InlineData("valid/nepali.marc")]
    [InlineData("valid/camel.usmarc")]
    public void Written_marcxml_reads_back_to_the_same_records(string file)
    {
        var records = Read.Iso2709(Read.Corpus(file));
        var xml = Write(records, []);
        var back = Read.Records(MarcXmlReader.ReadAll(xml, MarcReaderOptions.StrictDefault));
        Assert.Equal(records.Count, back.Count);
        for (var i = 0; i < records.Count; i++)
        {
            RecordAssert.Equal(ControlFieldsFirst(records[i]), back[i], ignoreLeader09: true);
        }
    }

    [Fact]
    public void Control_fields_after_data_fields_are_written_first_in_their_order_and_reported()
    {
        var record = new MarcRecord(fields:
        [
            new ControlField("001", "a1"),
            new DataField("245", '1', '0', [new Subfield('a', "Title")]),
            new ControlField("008", "eight"),
            new DataField("500", ' ', ' ', [new Subfield('a', "Note")]),
            new ControlField("005", "five"),
        ]);
        var diagnostics = new List<MarcDiagnostic>();
        var back = Read.Records(MarcXmlReader.ReadAll(Write([record], diagnostics), MarcReaderOptions.StrictDefault)).Single();
        Assert.Equal(["001", "008", "005", "245", "500"], back.Fields.Select(f => f.Tag));
        Assert.Equal(["008", "005"], diagnostics.Where(d => d.Id == MarcDiagnosticIds.ControlFieldMoved).Select(d => d.Message[6..9]));
        Assert.All(diagnostics, d => Assert.Equal(MarcSeverity.Warning, d.Severity));
        Assert.Equal(2, diagnostics.Count);
    }

    [Fact]
    public void Indicators_marcxml_does_not_allow_are_written_as_blanks_and_reported()
    {
        var record = new MarcRecord(fields:
        [
            new DataField("245", '#', '0', [new Subfield('a', "Title")]),
            new DataField("650", 'A', '\u0014', [new Subfield('a', "Topic")]),
            new DataField("700", '1', 'z', [new Subfield('a', "Name")]),
        ]);
        var diagnostics = new List<MarcDiagnostic>();
        var back = Read.Records(MarcXmlReader.ReadAll(Write([record], diagnostics), MarcReaderOptions.StrictDefault)).Single();
        Assert.Equal(["245  0", "650   ", "700 1z"], back.Fields.Cast<DataField>().Select(f => $"{f.Tag} {f.Indicator1}{f.Indicator2}"));
        Assert.Equal(
            ["field 245: ind1 '#'", "field 650: ind1 'A'", "field 650: ind2 U+0014"],
            diagnostics.Select(d => d.Message[..d.Message.IndexOf(" is not", StringComparison.Ordinal)]));
        Assert.All(diagnostics, d => Assert.Equal(MarcDiagnosticIds.IndicatorBlanked, d.Id));
    }

    [Fact]
    public void Markup_characters_are_escaped_and_the_output_is_well_formed()
    {
        var record = new MarcRecord(fields: [new DataField("245", '1', '0', [new Subfield('a', "Tom & Jerry <\"live\"> \t tab\r\nline")])]);
        var xml = Write([record], []);
        var document = new XmlDocument();
        document.Load(new MemoryStream(xml));
        var back = Read.Records(MarcXmlReader.ReadAll(xml)).Single();
        Assert.Equal("Tom & Jerry <\"live\"> \t tab\r\nline", back.GetDataFields("245").Single()['a']);
    }

    [Fact]
    public void Control_characters_xml_cannot_carry_become_replacement_characters_and_are_reported()
    {
        // bad-characters-in-various-fields.mrc has 0x14 in indicators, a subfield code and data (marc4j writes <U+0014>).
        var records = Read.Iso2709(Read.Corpus("invalid/bad-characters-in-various-fields.mrc"));
        var diagnostics = new List<MarcDiagnostic>();
        var xml = Write(records, diagnostics);
        var back = Read.Records(MarcXmlReader.ReadAll(xml, MarcReaderOptions.StrictDefault)).Single();
        Assert.NotEmpty(diagnostics);
        Assert.Contains(diagnostics, d => d.Id == MarcDiagnosticIds.CharacterNotRepresentable
            && d.Message.Contains("U+0014", StringComparison.Ordinal) && d.Message.Contains("field 010", StringComparison.Ordinal));
        Assert.Contains('\uFFFD', string.Join("", RecordAssert.Describe(back)));
    }

    [Fact]
    public void Supplementary_characters_are_written_as_four_byte_utf8()
    {
        var record = new MarcRecord(fields: [new DataField("880", ' ', ' ', [new Subfield('a', "\U00020000 ext-B")])]);
        var xml = Write([record], []);
        Assert.Contains("\U00020000 ext-B", Encoding.UTF8.GetString(xml), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_input_is_an_empty_collection()
    {
        var xml = Encoding.UTF8.GetString(Write([], []));
        Assert.Contains("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">", xml, StringComparison.Ordinal);
        Assert.EndsWith("</collection>\n", xml, StringComparison.Ordinal);
    }

    // What MARCXML can say of a record: control fields first, indicators outside [0-9a-z ] blank.
    private static MarcRecord ControlFieldsFirst(MarcRecord record) =>
        new(record.Leader.Clone(), record.Fields.OfType<ControlField>().Concat<MarcField>(record.Fields.OfType<DataField>().Select(f =>
            new DataField(f.Tag, Blanked(f.Indicator1), Blanked(f.Indicator2), f.Subfields))));

    private static char Blanked(char indicator) => indicator is ' ' or (>= '0' and <= '9') or (>= 'a' and <= 'z') ? indicator : ' ';

    private static byte[] Write(IEnumerable<MarcRecord> records, List<MarcDiagnostic> diagnostics)
    {
        using var memory = new MemoryStream();
        using (var writer = new MarcXmlWriter(memory, leaveOpen: true))
        {
            var n = 0;
            foreach (var record in records)
            {
                writer.Write(record, diagnostics, ++n);
            }

            writer.Complete();
        }

        return memory.ToArray();
    }
}
