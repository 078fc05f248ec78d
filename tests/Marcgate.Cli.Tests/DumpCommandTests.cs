using System.Text;
using System.Text.RegularExpressions;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

public sealed class DumpCommandTests
{
    [Fact]
    public void Prints_the_leader_and_one_line_per_field_in_yaz_format()
    {
        var run = CommandRun.Invoke(DumpCommand.Create(), TestFiles.Marc("valid/summerland.mrc"));

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Equal("00714cam a2200205 a 4500", lines[0]);
        Assert.Equal("001 12883376", lines[1]);
        Assert.Contains("245 10 $a Summerland / $c Michael Chabon.", lines);
        Assert.Equal(16, lines.Length);
    }

    [Theory]
    [InlineData("valid/chabon.mrc")]
    [InlineData("valid/camel.usmarc")]
    [InlineData("valid/100.mrc")]
    [InlineData("valid/how-to-program-a-computer.marc")]
    public void Output_equals_yaz_marcdump_on_clean_files(string file)
    {
        // yaz-marcdump is one of the peers ./test.sh installs.
        using var yaz = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("yaz-marcdump", TestFiles.Marc(file))
        {
            RedirectStandardOutput = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        })!;
        var expected = yaz.StandardOutput.ReadToEnd();
        yaz.WaitForExit();

        var run = CommandRun.Invoke(DumpCommand.Create(), "--raw", TestFiles.Marc(file));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Output);
    }

    [Fact]
    public void Shows_each_records_diagnostics_with_file_record_and_byte()
    {
        var file = TestFiles.Marc("invalid/baddir.usmarc");

        var run = CommandRun.Invoke(DumpCommand.Create(), file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"({file}: record 1, byte 144: warning MARC004: the directory ends with 0x1F (byte 144 of the record at offset 0) instead of the field terminator 0x1E)", run.OutputLines[0]);
        Assert.Contains("245 00 $a Green Eggs and Ham", run.OutputLines);
        Assert.StartsWith($"({file}: record 1, byte 382: warning MARC009", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_mode_prints_rejections_and_exits_1()
    {
        var file = TestFiles.Marc("invalid/baddir.usmarc");

        var run = CommandRun.Invoke(DumpCommand.Create(), "--strict", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"({file}: record 1 at byte 0 rejected)", run.OutputLines);
        Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("245", StringComparison.Ordinal));
    }

    [Fact]
    public void Marc8_records_are_shown_in_unicode()
    {
        var run = CommandRun.Invoke(DumpCommand.Create(), TestFiles.Marc("valid/marc8.dat"));

        // Composed or decomposed: normal form is the converter's business, the dump shows what it returns.
        Assert.Contains(run.OutputLines, l => l.StartsWith("240 10 $a De la solitude \u00E0 la communaut\u00E9.", StringComparison.Ordinal)
            || l.StartsWith("240 10 $a De la solitude a\u0300 la communaute\u0301.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("valid/marc8.dat")]
    [InlineData("valid/camel.usmarc")]
    public void A_marc8_leader_is_shown_as_stored_and_then_as_converted(string file)
    {
        var path = TestFiles.Marc(file);
        var stored = Encoding.Latin1.GetString(File.ReadAllBytes(path).AsSpan(0, 24));
        var converted = string.Concat(stored.AsSpan(0, 9), "a", stored.AsSpan(10));

        var run = CommandRun.Invoke(DumpCommand.Create(), path);

        Assert.Equal(' ', stored[9]);
        Assert.Equal(stored, run.OutputLines[0]);
        Assert.Equal($"LDR (as converted: {converted})", run.OutputLines[1]);
    }

    [Fact]
    public void A_leader_the_reader_repaired_is_shown_as_stored_and_then_as_read()
    {
        var path = TestFiles.Marc("invalid/bad_leaders_10_11.mrc");
        var stored = Encoding.Latin1.GetString(File.ReadAllBytes(path).AsSpan(0, 24));

        var lines = CommandRun.Invoke(DumpCommand.Create(), "--raw", path).OutputLines.Where(l => !l.StartsWith('(')).ToArray();

        Assert.Equal(stored, lines[0]);
        Assert.StartsWith("LDR (as read: ", lines[1], StringComparison.Ordinal);
        Assert.Equal("22", lines[1][(14 + 10)..(14 + 12)]);
        Assert.Equal("450", lines[1][(14 + 20)..(14 + 23)]);
    }

    [Fact]
    public void A_unicode_leader_has_no_second_line()
    {
        var run = CommandRun.Invoke(DumpCommand.Create(), TestFiles.Marc("valid/summerland.mrc"));

        Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("LDR", StringComparison.Ordinal));
    }

    [Fact]
    public void Raw_shows_marc8_bytes_escaped()
    {
        var run = CommandRun.Invoke(DumpCommand.Create(), "--raw", TestFiles.Marc("valid/marc8.dat"));

        Assert.Equal(' ', run.OutputLines[0][9]);
        Assert.Contains(run.OutputLines, l => l.StartsWith("240 10 $a De la solitude \\xE1a la communaut\\xE2e.", StringComparison.Ordinal));
    }

    [Fact]
    public void Marc8_output_equals_yaz_marcdump_converting_to_utf8()
    {
        // yaz shows the stored leader unless told to set leader/09 ('-l 9=97'); the dump shows both.
        var file = TestFiles.Marc("valid/camel.usmarc");
        var stored = Yaz("-f", "MARC-8", "-t", "UTF-8", file);
        var converted = Yaz("-f", "MARC-8", "-t", "UTF-8", "-l", "9=97", file);

        var output = CommandRun.Invoke(DumpCommand.Create(), file).Output;

        const string AsConverted = @"^LDR \(as converted: (.{24})\)\n";
        var leaders = Regex.Matches(output, AsConverted, RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        var storedLines = stored.Split('\n');
        Assert.Equal(stored, Regex.Replace(output, AsConverted, "", RegexOptions.Multiline));
        Assert.Equal(converted.Split('\n').Where((line, i) => line != storedLines[i]), leaders);
        Assert.NotEmpty(leaders);
    }

    private static string Yaz(params string[] arguments)
    {
        using var yaz = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("yaz-marcdump", arguments)
        {
            RedirectStandardOutput = true,
            StandardOutputEncoding = Encoding.UTF8,
        })!;
        var output = yaz.StandardOutput.ReadToEnd();
        yaz.WaitForExit();
        return output;
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var run = CommandRun.Invoke(DumpCommand.Create(), Path.Combine(Path.GetTempPath(), "marcgate-no-such-file.mrc"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("marcgate-no-such-file.mrc", run.Error, StringComparison.Ordinal);
    }
}
