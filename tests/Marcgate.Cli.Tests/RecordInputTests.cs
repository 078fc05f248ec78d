using System.Diagnostics;
using System.Security.Cryptography;
using Marcgate.Cli.Validate;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>Every command that reads records reads every MARC format, refuses what is not MARC, and never destroys its input.</summary>
public sealed class RecordInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marcgate-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("valid/summerland.xml", 1)]
    [InlineData("valid/summerland-marc-in-json.json", 1)]
    [InlineData("valid/brkrtest.mrk", 8)]
    [InlineData("valid/summerland.mrc", 1)]
    public void Count_reads_every_format(string file, int records)
    {
        var run = CommandRun.Invoke(CountCommand.Create(), TestFiles.Marc(file));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"{records}\t", run.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_and_validate_read_marcxml()
    {
        var dump = CommandRun.Invoke(DumpCommand.Create(), TestFiles.Marc("valid/summerland.xml"));
        Assert.Equal(0, dump.ExitCode);
        Assert.Contains("245 ", dump.Output, StringComparison.Ordinal);

        var validate = CommandRun.Invoke(ValidateCommand.Create(), "--level", "structure", TestFiles.Marc("valid/summerland.xml"));
        Assert.True(validate.ExitCode is 0 or 1, validate.Error);
        Assert.DoesNotContain("leader/00-04", validate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forced_format_is_used()
    {
        var run = CommandRun.Invoke(CountCommand.Create(), "--from", "json", TestFiles.Marc("valid/summerland-marc-in-json.json"));
        Assert.Equal(0, run.ExitCode);

        var bad = CommandRun.Invoke(CountCommand.Create(), "--from", "jpeg", TestFiles.Marc("valid/summerland.mrc"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--from must be one of", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_that_is_not_marc_is_refused_by_every_command_with_one_line()
    {
        foreach (var (path, looks) in NotMarcSamples.Write(_dir))
        {
            var name = Path.GetFileName(path);
            var output = Path.Combine(_dir, "out-" + name);
            var runs = new List<(System.CommandLine.Command, string[])>
            {
                (CountCommand.Create(), [path]),
                (DumpCommand.Create(), [path]),
                (ValidateCommand.Create(), [path]),
                (ConvertCommand.Create(), ["--to", "marcxml", "-o", output, path]),
            };

            // --from picks the reader for damaged MARC; it does not make an image, a page or nothing MARC.
            if (looks is "a JPEG image" or "an HTML page" or "it is empty")
            {
                runs.Add((ConvertCommand.Create(), ["--from", "iso2709", "--to", "mrk", "-o", output, path]));
            }

            foreach (var (command, args) in runs)
            {
                var run = CommandRun.Invoke(command, args);
                Assert.Equal(2, run.ExitCode);
                var line = Assert.Single(run.ErrorLines, l => l.Contains("not MARC", StringComparison.Ordinal));
                Assert.Contains($"{path}: not MARC: ", line, StringComparison.Ordinal);
                Assert.Contains(looks, line, StringComparison.Ordinal);
                Assert.DoesNotContain("record 1", run.Output + run.Error, StringComparison.Ordinal);
                Assert.False(File.Exists(output), $"{command.Name} {name} left {output}");
            }
        }
    }

    [Fact]
    public void A_jpeg_is_not_counted_converted_or_exported()
    {
        var jpeg = NotMarcSamples.Write(_dir)[0].Path;
        var exported = Path.Combine(_dir, "export.mrc");

        var count = CommandRun.Invoke(CountCommand.Create(), jpeg);
        Assert.Equal(2, count.ExitCode);
        Assert.Equal("0\ttotal", count.OutputLines.Single());

        var export = CommandRun.Invoke(ExportCommand.Create(), "--to-file", exported, "--file-type", "single", "--validate-bib", "none", "--no-mark-for-export", jpeg);
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("photo.jpg: not MARC: it looks like a JPEG image", export.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(exported));
    }

    [Fact]
    public async Task Plain_text_on_standard_input_is_refused()
    {
        var start = MarcgateProcess.StartInfo(["convert", "--to", "mrk"]);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Write("hello\n");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        await process.WaitForExitAsync(new CancellationTokenSource(60_000).Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("marcgate convert: standard input: not MARC: it looks like plain text", (await error).Trim());
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Converting_a_file_onto_itself_is_refused_and_leaves_it_untouched()
    {
        var camel = Path.Combine(_dir, "camel.mrc");
        File.Copy(TestFiles.Marc("valid/camel.usmarc"), camel);
        var before = SHA256.HashData(File.ReadAllBytes(camel));

        var run = CommandRun.Invoke(ConvertCommand.Create(), "--to", "iso2709", "--charset", "utf8", camel, "-o", camel);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("camel.mrc is both an input and the output", run.Error, StringComparison.Ordinal);

        // The same file by another name: a hard link.
        var link = Path.Combine(_dir, "link.mrc");
        using (var ln = Process.Start("ln", [camel, link])!)
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }

        var viaLink = CommandRun.Invoke(ConvertCommand.Create(), "--to", "marcxml", camel, "-o", link);
        Assert.Equal(2, viaLink.ExitCode);

        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(camel)));
        Assert.Equal(["camel.mrc", "link.mrc"], Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failed_conversion_keeps_the_earlier_output()
    {
        var output = Path.Combine(_dir, "out.xml");
        File.WriteAllText(output, "earlier");

        var run = CommandRun.Invoke(ConvertCommand.Create(), "--to", "marcxml", "-o", output, TestFiles.Marc("valid/summerland.mrc"), Path.Combine(_dir, "missing.mrc"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("earlier", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("marcxml", "s.xml")]
    [InlineData("iso2709", "s.mrc")]
    public void A_second_single_file_export_adds_to_the_first(string format, string name)
    {
        var path = Path.Combine(_dir, name);
        string[] Export(string input) => ["--to-file", path, "--format", format, "--file-type", "single", "--validate-bib", "none", "--no-mark-for-export", input];

        Assert.Equal(0, CommandRun.Invoke(ExportCommand.Create(), Export(TestFiles.Marc("valid/summerland.mrc"))).ExitCode);
        Assert.Equal(0, CommandRun.Invoke(ExportCommand.Create(), Export(TestFiles.Marc("valid/chabon.xml"))).ExitCode);

        using var reader = MarcFormats.OpenReader(File.OpenRead(path), null, MarcReaderOptions.StrictDefault, out var detected);
        var ids = new List<string>();
        while (reader.Read() is { } result)
        {
            Assert.Empty(result.Diagnostics);
            ids.Add(result.Record!.GetControlValue("001")!.Trim());
        }

        Assert.Equal(format == "marcxml" ? MarcFormat.MarcXml : MarcFormat.Iso2709, detected);
        Assert.Equal(3, ids.Count);
        Assert.Single(Directory.GetFiles(_dir));
        if (format == "marcxml")
        {
            var text = File.ReadAllText(path);
            Assert.Equal(1, text.Split("<collection").Length - 1);
            Assert.EndsWith("</collection>\n", text, StringComparison.Ordinal);
        }
    }
}
