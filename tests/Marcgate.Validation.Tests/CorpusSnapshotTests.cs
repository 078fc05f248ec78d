using System.Text;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Validation.Tests;

/// <summary>
/// Every ISO 2709 file of the test corpus, validated at every level, against a reviewed snapshot in
/// tests/TestData/validation. Each finding is marked with the lowest level that reports it, so one
/// snapshot covers all levels. Set MARCGATE_UPDATE_SNAPSHOTS=1 to rewrite them, then review the diff.
/// </summary>
public sealed class CorpusSnapshotTests
{
    public static TheoryData<string> CorpusFiles() =>
        [.. ((string[])["valid", "invalid"]).SelectMany(folder => TestFiles.Iso2709Files(folder).Select(path => $"{folder}/{Path.GetFileName(path)}"))];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Matches_reviewed_snapshot(string relative)
    {
        var actual = Render(relative);
        var snapshot = TestFiles.TestData(Path.Combine("validation", relative + ".txt"));
        if (Environment.GetEnvironmentVariable("MARCGATE_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            File.WriteAllText(snapshot, actual);
        }

        Assert.True(File.Exists(snapshot), $"no snapshot {snapshot}; run with MARCGATE_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(snapshot), actual);
    }

    private static string Render(string relative)
    {
        var text = new StringBuilder();
        foreach (var result in Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc(relative))))
        {
            foreach (var read in result.Diagnostics)
            {
                text.Append($"record {result.RecordNumber} [read] {read.Severity.ToString().ToLowerInvariant()} {read.Id} byte {read.ByteOffset}: {read.Message}\n");
            }

            if (result.Record is not { } record)
            {
                text.Append($"record {result.RecordNumber} [read] not readable\n");
                continue;
            }

            Assert.Empty(MarcValidator.Instance.Validate(record, ValidationLevel.None));
            var structure = MarcValidator.Instance.Validate(record, ValidationLevel.Structure);
            var basic = MarcValidator.Instance.Validate(record, ValidationLevel.Basic);
            var full = MarcValidator.Instance.Validate(record, ValidationLevel.Full);

            // Each level reports everything the level below it does, in the same order, and more.
            Assert.Equal(structure, basic.Take(structure.Count));
            Assert.Equal(basic, full.Take(basic.Count));
            for (var i = 0; i < full.Count; i++)
            {
                var level = i < structure.Count ? "structure" : i < basic.Count ? "basic" : "full";
                var d = full[i];
                text.Append($"record {result.RecordNumber} [{level}] {d.Severity.ToString().ToLowerInvariant()} {d.Id} {Where(d)}: {d.Message}\n");
            }
        }

        return text.ToString();
    }

    private static string Where(ValidationDiagnostic d)
    {
        var where = new StringBuilder(d.Tag ?? "record");
        where.Append('#').Append(d.Occurrence);
        if (d.Indicator is { } indicator)
        {
            where.Append(" ind").Append(indicator);
        }

        if (d.Subfield is { } code)
        {
            where.Append(" $").Append(code);
        }

        if (d.Position is { } position)
        {
            where.Append(" @").Append(position);
        }

        return where.ToString();
    }
}
