using System.CommandLine;
using Marcgate.Cli.Validate;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests.Validate;

/// <summary><c>validate</c> says the MARC-8 problems that <c>convert</c> finds in the same record.</summary>
public sealed class ValidateMarc8Tests
{
    [Theory]
    [InlineData("010")]
    [InlineData("0{0")]
    public void An_unknown_escape_sequence_is_reported_as_convert_reports_it(string tag)
    {
        var file = Path.Combine(Path.GetTempPath(), $"marcgate-marc8-{Guid.NewGuid():N}.mrc");
        File.WriteAllBytes(file, CamelWithUnknownEscape(tag));
        try
        {
            var (code, output) = Run("--level", "structure", file);

            Assert.Contains($"warning MARC014 byte -1: MARC-8 field {tag} $a, byte 0 of the subfield: escape sequence names character set 5A", output, StringComparison.Ordinal);
            if (tag == "010")
            {
                Assert.Equal(0, code);
                Assert.Contains("1 record(s), 0 with errors; 0 error(s), 1 warning(s)", output, StringComparison.Ordinal);
            }
            else
            {
                // A tag outside [0-9A-Za-z] is a structure error of its own (VAL104); the MARC-8 finding comes beside it.
                Assert.Equal(1, code);
                Assert.Contains("VAL104", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Clean_marc8_records_get_no_marc8_findings()
    {
        var (_, output) = Run("--level", "full", TestFiles.Marc("valid/diacritic4.mrc"), TestFiles.Marc("valid/cjk1.marc"), TestFiles.Marc("valid/hebrew1.marc"));

        Assert.DoesNotContain("MARC014", output, StringComparison.Ordinal);
    }

    // camel.usmarc's first record, MARC-8 by its leader, with ESC ( Z (no such character set) at the start of 010 $a,
    // and the 010 tag optionally changed in the directory (a '{' in a tag once broke the diagnostic's wording).
    private static byte[] CamelWithUnknownEscape(string tag)
    {
        var file = File.ReadAllBytes(TestFiles.Marc("valid/camel.usmarc"));
        var record = file[..(Array.IndexOf(file, (byte)0x1D) + 1)];
        var entry = 24;
        while (!record.AsSpan(entry, 3).SequenceEqual("010"u8))
        {
            entry += 12; // directory entries: tag, length and start in 12 bytes
        }

        tag.Select(c => (byte)c).ToArray().CopyTo(record, entry);
        var data = IndexOf(record, [0x1F, (byte)'a', (byte)' ', (byte)' ', (byte)' '], 0);
        new byte[] { 0x1B, (byte)'(', (byte)'Z' }.CopyTo(record, data + 2);
        return record;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        haystack.AsSpan(from).IndexOf(needle) + from;

    private static (int Code, string Output) Run(params string[] args)
    {
        var root = new RootCommand { ValidateCommand.Create() };
        var output = new StringWriter();
        var code = root.Parse(["validate", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (code, output.ToString());
    }
}
