using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Tests.Formats;
using Marcgate.Marc.Xml;

namespace Marcgate.Marc.Tests.Xml;

public sealed class MarcXmlReaderTests
{
    [Theory]
    [InlineData("valid/summerland.xml", "valid/summerland.mrc")]
    [InlineData("valid/chabon.xml", "valid/chabon.mrc")]
    public void Marcxml_twins_read_to_the_iso2709_records_byte_for_byte(string xml, string mrc)
    {
        var records = Read.Xml(Read.Corpus(xml));
        var expected = File.ReadAllBytes(Read.Corpus(mrc));
        Assert.Equal(expected, records.SelectMany(Iso2709Writer.Write).ToArray());
    }

    [Fact]
    public void A_declaration_holding_non_ascii_bytes_is_not_well_formed_xml()
    {
        // Found by fuzzing: .NET's XmlReader, switching to the declared encoding after such a declaration, threw
        // ArgumentOutOfRangeException from inside its buffer handling.
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0" + new string('\u00FF', 160) + "\" encoding=\"UTF-8\"?><record><leader>00000nam a2200000 a 4500</leader></record>");
        var result = Assert.Single(MarcXmlReader.ReadAll(bytes));
        Assert.Null(result.Record);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((MarcDiagnosticIds.SyntaxError, MarcSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("byte 18 of the XML declaration is 0xFF", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_no_text_in_the_encoding_their_byte_order_mark_names_are_reported_by_the_first_read()
    {
        // Found by fuzzing: XmlReader reads to find the encoding as it is created, and its XmlException escaped the
        // reader's constructor.
        byte[] bytes = [0x00, 0x00, 0xFE, 0xFF, (byte)'\n', .. Enumerable.Repeat((byte)0x02, 48), 0x00];
        using var reader = new MarcXmlReader(new MemoryStream(bytes));
        var result = reader.Read();
        Assert.NotNull(result);
        Assert.Null(result.Record);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(MarcDiagnosticIds.SyntaxError, diagnostic.Id);
        Assert.Contains("not well-formed", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(reader.Read());
    }

    [Fact]
    public void A_plain_declaration_and_a_bom_still_read()
    {
        var xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader></record>";
        var result = Assert.Single(MarcXmlReader.ReadAll(Encoding.UTF8.GetBytes(xml)));
        Assert.NotNull(result.Record);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Elements_outside_any_record_come_under_record_number_1_as_their_diagnostic_says()
    {
        // Found by fuzzing: without a record the result was numbered 0, though numbers are one-based.
        var xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><controlfield tag=\"005\">x</controlfield></collection>";
        var result = Assert.Single(MarcXmlReader.ReadAll(Encoding.UTF8.GetBytes(xml)));
        Assert.Null(result.Record);
        Assert.Equal(1, result.RecordNumber);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((MarcDiagnosticIds.UnknownConstruct, 1L), (diagnostic.Id, diagnostic.RecordNumber));
    }

    [Fact]
    public void Strict_reading_rejects_the_unknown_subfields_element_naming_line_and_position()
    {
        var result = MarcXmlReader.ReadAll(File.ReadAllBytes(Read.Corpus("invalid/chabon-bad-subfields-element.xml")), MarcReaderOptions.StrictDefault).First();
        Assert.Null(result.Record);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(MarcDiagnosticIds.UnknownConstruct, diagnostic.Id);
        Assert.Equal(MarcSeverity.Error, diagnostic.Severity);
        Assert.Contains("<subfields>", diagnostic.Message, StringComparison.Ordinal);
        Assert.Matches(@"line \d+, position \d+", diagnostic.Message);
    }

    [Fact]
    public void Lenient_reading_skips_the_unknown_element_with_a_warning_and_keeps_the_rest()
    {
        var result = MarcXmlReader.ReadAll(File.ReadAllBytes(Read.Corpus("invalid/chabon-bad-subfields-element.xml"))).First();
        Assert.NotNull(result.Record);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(MarcSeverity.Warning, warning.Severity);
        Assert.Contains("datafield 020", warning.Message, StringComparison.Ordinal);
        var isbn = result.Record.GetDataFields("020").Single();
        Assert.Empty(isbn.Subfields);
        Assert.NotNull(result.Record.GetDataFields("245").SingleOrDefault());
    }

    [Fact]
    public void An_element_after_an_unknown_one_is_not_lost()
    {
        var xml = """
            <record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>
            <datafield tag="245" ind1="1" ind2="0"><bogus/><subfield code="a">Title</subfield></datafield>
            <controlfield tag="001">x1</controlfield></record>
            """;
        var record = Read.Records(MarcXmlReader.ReadAll(Encoding.UTF8.GetBytes(xml))).Single();
        Assert.Equal("Title", record.GetDataFields("245").Single()['a']);
        Assert.Equal("x1", record.GetControlValue("001"));
    }

    [Fact]
    public void Malformed_xml_gives_one_error_with_line_and_position_then_ends()
    {
        var xml = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n<record><leader>00000nam a2200000 a 4500</leader>\n<controlfield tag=\"001\">x</datafield></record></collection>";
        var results = MarcXmlReader.ReadAll(Encoding.UTF8.GetBytes(xml)).ToList();
        var failure = Assert.Single(results);
        Assert.Null(failure.Record);
        Assert.Equal(MarcDiagnosticIds.SyntaxError, failure.Diagnostics.Single().Id);
        Assert.Contains("line 3", failure.Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_inside_a_wrapper_of_another_namespace_are_found_and_leader_09_says_unicode()
    {
        var xml = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><metadata>
            <marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:leader>00000nam  2200000 a 4500</marc:leader>
            <marc:controlfield tag="001">a1</marc:controlfield></marc:record>
            </metadata></record></ListRecords></OAI-PMH>
            """;
        var record = Read.Records(MarcXmlReader.ReadAll(Encoding.UTF8.GetBytes(xml))).Single();
        Assert.Equal("a1", record.GetControlValue("001"));
        Assert.Equal('a', record.Leader.CharacterCodingScheme);
    }

    [Fact]
    public void A_short_leader_is_padded_in_lenient_mode_and_rejected_in_strict_mode()
    {
        var xml = "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam</leader></record>";
        var lenient = MarcXmlReader.ReadAll(Encoding.UTF8.GetBytes(xml)).Single();
        Assert.Equal(24, lenient.Record!.Leader.ToString().Length);
        Assert.Equal(MarcDiagnosticIds.LeaderTooShort, lenient.Diagnostics.Single().Id);
        Assert.Null(MarcXmlReader.ReadAll(Encoding.UTF8.GetBytes(xml), MarcReaderOptions.StrictDefault).Single().Record);
    }
}
