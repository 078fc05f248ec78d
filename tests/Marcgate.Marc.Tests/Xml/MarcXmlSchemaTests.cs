using System.Xml;
using System.Xml.Schema;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Xml;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Xml;

/// <summary>
/// What we write as MARCXML is valid against LoC's MARC21slim schema (testdata/schema): every file of the
/// valid corpus, in whichever format it is stored, converted as <c>marcgate convert --to marcxml</c> does.
/// </summary>
public sealed class MarcXmlSchemaTests
{
    private static readonly Lazy<XmlSchemaSet> s_schema = new(LoadSchema);

    public static TheoryData<string> ValidFiles => [.. Files()];

    [Fact]
    public void The_corpus_has_every_format_the_readers_read()
    {
        var formats = Files().Select(f => FormatOf(TestFiles.Marc("valid/" + f))).ToHashSet();
        Assert.Equal(Enum.GetValues<MarcFormat>().ToHashSet(), formats);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Marcxml_of_every_valid_file_validates_against_marc21slim(string file)
    {
        var path = TestFiles.Marc("valid/" + file);
        var diagnostics = new List<MarcDiagnostic>();
        using var xml = new MemoryStream();
        using (var writer = new MarcXmlWriter(xml, leaveOpen: true))
        {
            var converter = new MarcConverter(writer, TargetCharset.Unchanged, (_, d) => diagnostics.Add(d));
            using var input = File.OpenRead(path);
            converter.Convert(input, file, format: null, MarcReaderOptions.Default);
            writer.Complete();
            Assert.True(converter.Summary.RecordsWritten > 0, $"{file}: no record written");
        }

        var errors = Validate(xml.ToArray());
        Assert.True(errors.Count == 0, $"{file}: {errors.Count} schema errors, the first ones:\n{string.Join('\n', errors.Take(10))}");
    }

    [Fact]
    public void The_schema_rejects_what_the_writer_repairs()
    {
        const string Record = "<?xml version=\"1.0\"?><collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000nam a2200000 a 4500</leader>{0}</record></collection>";
        var hashIndicator = string.Format(System.Globalization.CultureInfo.InvariantCulture, Record, "<datafield tag=\"245\" ind1=\"#\" ind2=\"0\"><subfield code=\"a\">T</subfield></datafield>");
        var lateControl = string.Format(System.Globalization.CultureInfo.InvariantCulture, Record, "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">T</subfield></datafield><controlfield tag=\"005\">x</controlfield>");
        Assert.Contains(Validate(System.Text.Encoding.UTF8.GetBytes(hashIndicator)), e => e.Contains("ind1", StringComparison.Ordinal));
        Assert.NotEmpty(Validate(System.Text.Encoding.UTF8.GetBytes(lateControl)));
    }

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(TestFiles.Marc("valid")).Select(f => Path.GetFileName(f)).Where(f => !f.StartsWith('.')).Order(StringComparer.Ordinal);

    private static MarcFormat FormatOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = MarcFormats.OpenReader(stream, format: null, MarcReaderOptions.Default, out var format);
        return format;
    }

    // Each error names the record (1-based, counted by <record> elements) and the schema's message.
    private static List<string> Validate(byte[] xml)
    {
        var errors = new List<string>();
        var record = 0;
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = s_schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            errors.Add($"record {record}, line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Severity} {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "record")
            {
                record++;
            }
        }

        return errors;
    }

    private static XmlSchemaSet LoadSchema()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(TestFiles.Schema("MARC21slim.xsd"));
        set.Add(MarcXml.Namespace, reader);
        set.Compile();
        return set;
    }
}
