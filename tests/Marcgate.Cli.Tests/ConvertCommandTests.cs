using System.CommandLine;
using System.Text;
using Marcgate.Cli;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marcgate-convert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("marcxml")]
    [InlineData("json")]
    [InlineData("mrk")]
    [InlineData("iso2709")]
    public void Every_format_round_trips_chabon_through_detection(string format)
    {
        var source = TestFiles.Marc("valid/chabon.mrc");
        var middle = Path.Combine(_dir, "middle." + format);
        var back = Path.Combine(_dir, "back.mrc");
        Assert.Equal(0, Run(["--to", format, "-o", middle, source], out _));
        Assert.Equal(0, Run(["--to", "iso2709", "-o", back, middle], out _));
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(back));
    }

    [Fact]
    public void Charset_utf8_converts_marc8_records_and_sets_leader_09()
    {
        var output = Path.Combine(_dir, "out.mrc");
        Assert.Equal(0, Run(["--charset", "utf8", "--to", "iso2709", "-o", output, TestFiles.Marc("valid/marc8.dat")], out _));
        var record = Iso2709Reader.ReadAll(File.ReadAllBytes(output)).Single().Record!;
        Assert.Equal('a', record.Leader.CharacterCodingScheme);
        // NFC when the runtime has ICU, MARC-8's decomposed order under invariant globalization (where Normalize does nothing).
        var title = record.GetDataFields("240").Single()['a'];
        Assert.Contains(title, new[] { "De la solitude \u00E0 la communaut\u00E9.", "De la solitude a\u0300 la communaute\u0301." });
    }

    [Fact]
    public void Batched_conversion_keeps_record_order_and_equals_converting_one_record_at_a_time()
    {
        // jazz_1k has 1,000 MARC-8 records, more than one conversion batch.
        var input = TestFiles.Marc("valid/jazz_1k.mrc");
        var output = Path.Combine(_dir, "jazz.mrc");
        Assert.Equal(0, Run(["--charset", "utf8", "--to", "iso2709", "-o", output, input], out _));
        var expected = Iso2709Reader.ReadAll(File.ReadAllBytes(input))
            .SelectMany(r => Iso2709Writer.Write(Marcgate.Marc.Charset.MarcCharsetConverter.ToUnicode(r.Record!)))
            .ToArray();
        Assert.Equal(expected, File.ReadAllBytes(output));
    }

    [Fact]
    public void Charset_marc8_converts_unicode_records_back()
    {
        var unicode = Path.Combine(_dir, "u.mrc");
        var marc8 = Path.Combine(_dir, "m.mrc");
        Assert.Equal(0, Run(["--charset", "utf8", "--to", "iso2709", "-o", unicode, TestFiles.Marc("valid/marc8.dat")], out _));
        Assert.Equal(0, Run(["--charset", "marc8", "--to", "iso2709", "-o", marc8, unicode], out _));
        var record = Iso2709Reader.ReadAll(File.ReadAllBytes(marc8)).Single().Record!;
        Assert.Equal(' ', record.Leader.CharacterCodingScheme);
        Assert.Contains("\u00E1a la communaut\u00E2e", record.GetDataFields("240").Single()['a'], StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_reading_of_the_bad_subfields_element_exits_1_naming_file_record_and_line()
    {
        var input = TestFiles.Marc("invalid/chabon-bad-subfields-element.xml");
        var output = Path.Combine(_dir, "out.mrc");
        Assert.Equal(1, Run(["--strict", "--to", "iso2709", "-o", output, input], out var errors));
        Assert.Contains($"{input}: record 1: error MARC031", errors, StringComparison.Ordinal);
        Assert.Matches(@"line \d+, position \d+", errors);
        Assert.Equal(0, Run(["--lenient", "--to", "iso2709", "-o", output, input], out errors));
        Assert.Contains("warning MARC031", errors, StringComparison.Ordinal);
        Assert.Single(Iso2709Reader.ReadAll(File.ReadAllBytes(output)));
    }

    [Fact]
    public void Illegal_json_exits_1_with_the_byte_offset()
    {
        var input = TestFiles.Marc("invalid/illegal-marc-in-json.json");
        Assert.Equal(1, Run(["--to", "marcxml", "-o", Path.Combine(_dir, "x.xml"), input], out var errors));
        Assert.Matches(@"record 1, byte \d+: error MARC018: line \d+", errors);
    }

    [Theory]
    [InlineData("--to", "foo")]
    [InlineData("--from", "xml2", "--to", "json")]
    [InlineData("--lenient", "--strict", "--to", "json")]
    [InlineData("--charset", "latin1", "--to", "json")]
    [InlineData("--from", "json")]
    public void Usage_errors_exit_2(params string[] args)
    {
        Assert.Equal(2, Run([.. args, TestFiles.Marc("valid/summerland.mrc")], out var errors));
        Assert.Contains("marcgate convert:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_exits_2_and_names_the_file()
    {
        Assert.Equal(2, Run(["--to", "json", "-o", Path.Combine(_dir, "x.json"), Path.Combine(_dir, "missing.mrc")], out var errors));
        Assert.Contains("missing.mrc: cannot read", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_inputs_of_different_formats_go_into_one_document()
    {
        var output = Path.Combine(_dir, "all.xml");
        var inputs = new[] { "valid/summerland.mrc", "valid/chabon.xml", "valid/summerland-marc-in-json.json", "valid/brkrtest.mrk8" }.Select(TestFiles.Marc).ToArray();
        Assert.Equal(0, Run(["--to", "marcxml", "-o", output, .. inputs], out _));
        using var reader = MarcFormats.OpenReader(File.OpenRead(output), null, MarcReaderOptions.StrictDefault, out var detected);
        Assert.Equal(MarcFormat.MarcXml, detected);
        var count = 0;
        while (reader.Read() is { } result)
        {
            Assert.NotNull(result.Record);
            count++;
        }

        Assert.Equal(1 + 2 + 1 + 8, count);
    }

    private static int Run(string[] args, out string errors)
    {
        var root = new RootCommand { ConvertCommand.Create() };
        var stderr = new StringWriter();
        var previous = Console.Error;
        Console.SetError(stderr);
        try
        {
            return root.Parse(["convert", .. args]).Invoke();
        }
        finally
        {
            Console.SetError(previous);
            errors = stderr.ToString();
        }
    }
}
