using System.Text;
using Marcgate.Marc.Formats;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Formats;

/// <summary>Which inputs are MARC, in which format, and what the others look like.</summary>
public sealed class MarcFormatDetectorTests
{
    // Every corpus file, damaged ones included, is MARC in the format its name says.
    [Fact]
    public void Every_corpus_file_is_detected_as_the_format_its_name_says()
    {
        var files = Directory.GetFiles(TestFiles.Marc("valid")).Concat(Directory.GetFiles(TestFiles.Marc("invalid")));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var expected = Path.GetExtension(file) switch
            {
                ".xml" => MarcFormat.MarcXml,
                ".json" => MarcFormat.MarcJson,
                ".mrk" or ".mrk8" => MarcFormat.Mnemonic,
                _ => MarcFormat.Iso2709,
            };
            var detection = MarcFormatDetector.Examine(bytes.AsSpan(0, Math.Min(bytes.Length, MarcFormatDetector.ExamineLength)));
            Assert.True(detection.Format == expected, $"{Path.GetFileName(file)}: {detection}");
        }
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData(" \n\t\n", "it holds only white space")]
    [InlineData("hello\n", "it looks like plain text")]
    [InlineData("12345 is a number, and this is text\n", "it looks like plain text")]
    [InlineData("<!DOCTYPE html><html><body/></html>", "it looks like an HTML page")]
    [InlineData("<html lang=\"en\"><p>x</p></html>", "it looks like an HTML page")]
    [InlineData("<?xml version=\"1.0\"?><feed/>", "it is XML whose root element is <feed>, not a MARCXML <collection> or <record>")]
    [InlineData("{\"name\": \"not a record\"}", "it is JSON without a MARC-in-JSON \"leader\" or \"fields\"")]
    [InlineData("%PDF-1.7\n", "it looks like a PDF document")]
    public void Text_that_is_not_marc_says_what_it_looks_like(string content, string expected)
    {
        var detection = MarcFormatDetector.Examine(Encoding.UTF8.GetBytes(content));

        Assert.False(detection.IsMarc);
        Assert.Equal(expected, detection.NotMarc);
    }

    [Fact]
    public void Images_and_random_bytes_are_not_marc()
    {
        Assert.Equal("it looks like a JPEG image", MarcFormatDetector.Examine([0xFF, 0xD8, 0xFF, 0xE0, 0x1E, 0x1D]).NotMarc);
        Assert.Equal("it looks like a PNG image", MarcFormatDetector.Examine([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A]).NotMarc);
        var random = new byte[4096];
        new Random(1).NextBytes(random);
        Assert.StartsWith("it looks like binary data", MarcFormatDetector.Examine(random).NotMarc, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_format_is_taken_unless_the_input_is_recognisably_something_else()
    {
        Assert.Equal(MarcFormat.Iso2709, MarcFormatDetector.Examine("hello\n"u8, MarcFormat.Iso2709).Format);
        Assert.Equal(MarcFormat.MarcXml, MarcFormatDetector.Examine("<?xml version=\"1.0\"?><feed/>"u8, MarcFormat.MarcXml).Format);
        Assert.False(MarcFormatDetector.Examine([0xFF, 0xD8, 0xFF, 0xE0], MarcFormat.Iso2709).IsMarc);
        Assert.False(MarcFormatDetector.Examine([], MarcFormat.MarcJson).IsMarc);
    }

    [Fact]
    public void Iso2709_needs_a_field_terminator_within_the_announced_record()
    {
        var leader = "00030nam  2200025   4500"u8.ToArray();
        Assert.True(MarcFormatDetector.Examine([.. leader, 0x1E, (byte)'x', 0x1E, 0x1D]).IsMarc);
        Assert.False(MarcFormatDetector.Examine([.. leader, (byte)'x', (byte)'y', (byte)'z', (byte)'w', (byte)'v', (byte)'u', 0x1E]).IsMarc);
    }
}
