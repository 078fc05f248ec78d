using System.Security.Cryptography;
using Marcgate.Cli.Validate;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>
/// Every command that reads records, over every corpus file in all four formats and over files that are not MARC:
/// MARC exits 0 or 1, anything else 2, and nothing is written but the declared output.
/// </summary>
public sealed class InputCorpusTests : IDisposable
{
    private static readonly (string Name, string Extension)[] s_formats = [("iso2709", ".mrc"), ("marcxml", ".xml"), ("json", ".json"), ("mrk", ".mrk")];

    private readonly string _root = Directory.CreateTempSubdirectory("marcgate-corpus-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_reading_command_accepts_every_corpus_file_in_every_format_and_refuses_the_rest()
    {
        var inputs = Path.Combine(_root, "in");
        var outputs = Path.Combine(_root, "out");
        Directory.CreateDirectory(inputs);
        Directory.CreateDirectory(outputs);

        var marc = new List<string>();
        foreach (var source in Directory.EnumerateFiles(TestFiles.Marc("valid")).Concat(Directory.EnumerateFiles(TestFiles.Marc("invalid"))).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileName(Path.GetDirectoryName(source)) + "-" + Path.GetFileName(source);
            var copy = Path.Combine(inputs, stem);
            File.Copy(source, copy);
            marc.Add(copy);
            foreach (var (format, extension) in s_formats)
            {
                var converted = Path.Combine(inputs, stem + extension);
                var run = CommandRun.Invoke(ConvertCommand.Create(), "--to", format, "-o", converted, copy);
                Assert.True(run.ExitCode is 0 or 1, $"convert --to {format} {stem}: {run.ExitCode} {run.Error}");

                // A file whose every record was rejected converts to nothing, which is not MARC.
                if (new FileInfo(converted).Length > 0 && (format != "marcxml" || File.ReadAllText(converted).Contains("<record>", StringComparison.Ordinal)))
                {
                    marc.Add(converted);
                }
                else
                {
                    File.Delete(converted);
                }
            }
        }

        var notMarc = NotMarcSamples.Write(inputs).Select(s => s.Path).ToList();
        var hashes = Hashes();
        var failures = new List<string>();
        foreach (var (input, isMarc) in marc.Select(m => (m, true)).Concat(notMarc.Select(n => (n, false))))
        {
            var output = Path.Combine(outputs, "result");
            var runs = new List<(string Label, Func<CommandRun> Run, string? Output)>
            {
                ("count", () => CommandRun.Invoke(CountCommand.Create(), input), null),
                ("dump", () => CommandRun.Invoke(DumpCommand.Create(), input), null),
                ("validate", () => CommandRun.Invoke(ValidateCommand.Create(), input), null),
                ("export", () => CommandRun.Invoke(ExportCommand.Create(), "--to-file", output, "--file-type", "single", "--validate-bib", "none", "--validate-auth", "none", "--no-mark-for-export", input), output),
            };
            runs.AddRange(s_formats.Select(f => ($"convert --to {f.Name}", (Func<CommandRun>)(() => CommandRun.Invoke(ConvertCommand.Create(), "--to", f.Name, "-o", output, input)), (string?)output)));
            foreach (var (label, run, declared) in runs)
            {
                var before = Listing();
                var result = run();
                var after = Listing();
                var name = Path.GetFileName(input);
                if (isMarc ? result.ExitCode is not (0 or 1) : result.ExitCode != 2)
                {
                    failures.Add($"{label} {name}: exit {result.ExitCode}: {result.Error.Split('\n')[0]}");
                }

                if (declared is not null && File.Exists(declared))
                {
                    if (!isMarc)
                    {
                        failures.Add($"{label} {name}: wrote {declared}");
                    }

                    after.Remove(declared);
                    File.Delete(declared);
                }

                if (!before.SequenceEqual(after))
                {
                    failures.Add($"{label} {name}: changed {string.Join(", ", after.Except(before).Concat(before.Except(after)).Select(e => e.Key))}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(hashes, Hashes());
    }

    // Every file under the temporary root with its size and time: cheap enough to take around each run.
    private SortedDictionary<string, (long, DateTime)> Listing() =>
        new(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f))), StringComparer.Ordinal);

    private List<string> Hashes() =>
        [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => $"{f} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")];
}
