using System.Globalization;
using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Tests.Charset;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Peers;

/// <summary>
/// Perl's MARC::File::MARCMaker reads our <c>.mrk</c>, and MARC::File::MiJ our MARC-in-JSON, of every ISO 2709
/// file of the valid corpus (written as <c>marcgate convert</c> writes them) to the records MARC::Record reads
/// from the source. Both sides are printed by <c>tests/peers/marc-canonical.pl</c> (./test.sh installs the
/// modules; a missing one fails the test). Compared as read, with these normalizations of the source side:
/// <list type="bullet">
/// <item>leader/00-04 and 12-16 are left out: they describe ISO 2709 bytes, and each writer computes its own;</item>
/// <item>leader/10-11 and 20-22 take the MARC 21 values 2, 2 and 450 where the source has others: our reader
/// assumes them and says so (MARC010), MARC::Record keeps the bytes;</item>
/// <item>for MARC-in-JSON, which is Unicode, MARC-8 source records are converted by MARC::Charset, then NFC, leader/09
/// 'a' (a blank leader over UTF-8 text is read as UTF-8, our MARC013 rule), as our writer converts them.</item>
/// </list>
/// Records on which a peer is known to read differently are checked as <see cref="KnownReadingDifference.All"/> says.
/// </summary>
public sealed class MarcRecordPeerReadingTests
{
    private const string Unreadable = "=unreadable ";

    public static TheoryData<string> Files => [.. TestFiles.Iso2709Files("valid").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Marcmaker_reads_our_mrk_to_the_records_marc_record_reads_from_the_source(string file) =>
        Compare(file, KnownReadingDifference.MarcMaker, MarcFormat.Mnemonic, "marcmaker", unicode: false);

    [Theory]
    [MemberData(nameof(Files))]
    public void Mij_reads_our_json_to_the_records_marc_record_reads_from_the_source(string file) =>
        Compare(file, KnownReadingDifference.MiJ, MarcFormat.MarcJson, "mij", unicode: true);

    private static void Compare(string file, string peer, MarcFormat format, string peerReader, bool unicode)
    {
        var source = TestFiles.Marc("valid/" + file);
        var directory = Directory.CreateTempSubdirectory("marcgate-peers-");
        try
        {
            var ours = Path.Combine(directory.FullName, "out." + peerReader);
            Convert(source, format, ours);
            var expected = Canonical("usmarc", source, unicode);
            var actual = Canonical(peerReader, ours, unicode: false);
            Assert.True(expected.Count == actual.Count, $"{file}: MARC::Record read {expected.Count} records from the source, {peer} {actual.Count} from ours");

            var known = KnownReadingDifference.All.Where(k => k.File == file && k.Peer == peer).ToList();
            var used = new HashSet<KnownReadingDifference>();
            var wrong = new List<string>();
            List<List<string>>? rewritten = null;
            for (var i = 0; i < expected.Count; i++)
            {
                var number = i + 1;
                var e = expected[i];
                if (e.Count > 0 && e[0].StartsWith(Unreadable, StringComparison.Ordinal))
                {
                    var entry = known.Find(k => k.Record == number && k.Check == ReadingCheck.SourceUnreadable);
                    if (entry is null)
                    {
                        wrong.Add($"record {number}: MARC::Record cannot read the source: {e[0][Unreadable.Length..]}");
                        continue;
                    }

                    used.Add(entry);
                    rewritten ??= Canonical("usmarc", Rewritten(source, directory.FullName), unicode);
                    e = rewritten[i];
                }

                CompareRecord(number, e, actual[i], known, used, wrong);
            }

            Assert.True(wrong.Count == 0, $"{file}: {peer} reads {wrong.Count} lines differently:\n{string.Join('\n', wrong.Take(10))}");
            Assert.True(used.Count == known.Count, $"{file}: known differences no longer seen: {string.Join("; ", known.Except(used))}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void CompareRecord(int number, List<string> expected, List<string> actual, List<KnownReadingDifference> known, HashSet<KnownReadingDifference> used, List<string> wrong)
    {
        if (expected.Count != actual.Count)
        {
            wrong.Add($"record {number}: {expected.Count} lines from the source, {actual.Count} from ours:\n  expected: {string.Join(" | ", expected)}\n  actual:   {string.Join(" | ", actual)}");
            return;
        }

        for (var line = 0; line < expected.Count; line++)
        {
            var (e, a) = line == 0 ? (Leader(expected[0], source: true), Leader(actual[0], source: false)) : (expected[line], actual[line]);
            if (e == a)
            {
                continue;
            }

            var entry = known.Find(k => k.Record == number && k.Check != ReadingCheck.SourceUnreadable && e.StartsWith(k.Tag + " ", StringComparison.Ordinal));
            if (entry is not null && Holds(entry.Check, e, a))
            {
                used.Add(entry);
                continue;
            }

            wrong.Add($"record {number}{(entry is null ? "" : $" (known: {entry.Reason}, but the check fails)")}:\n  expected: {Show(e)}\n  actual:   {Show(a)}");
        }
    }

    private static bool Holds(ReadingCheck check, string expected, string actual) => check switch
    {
        ReadingCheck.EqualWithoutCombiningMarks => WithoutCombiningMarks(expected) == WithoutCombiningMarks(actual),
        ReadingCheck.UnknownMnemonicsAsTheirBytes => expected == UnknownMnemonicsAsBytes(actual),
        _ => false,
    };

    // "LDR " and the leader as compared: 05-11 and 17-23, with the MARC 21 structure values our reader assumes (MARC010) on the source side.
    private static string Leader(string line, bool source)
    {
        Assert.StartsWith("LDR ", line, StringComparison.Ordinal);
        var leader = Unescape(line[4..]).PadRight(24).ToCharArray(0, 24);
        if (source)
        {
            foreach (var (position, value) in new[] { (10, '2'), (11, '2'), (20, '4'), (21, '5'), (22, '0') })
            {
                leader[position] = value;
            }
        }

        var text = new string(leader);
        return "LDR " + text[5..12] + text[17..];
    }

    private static string WithoutCombiningMarks(string latin1Line)
    {
        var text = Utf8(latin1Line).Normalize(NormalizationForm.FormD);
        return new string([.. text.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }

    private static string UnknownMnemonicsAsBytes(string line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var end = line[i] == '&' ? line.IndexOf(';', i) : -1;
            if (end > i && MnemonicTable.Instance.TryGet(line[(i + 1)..end], out var entry))
            {
                text.Append((char)entry.Marc8);
                i = end;
                continue;
            }

            text.Append(line[i]);
        }

        return text.ToString();
    }

    private static void Convert(string source, MarcFormat format, string output)
    {
        using var stream = File.Create(output);
        using var writer = MarcFormats.OpenWriter(stream, format);
        var converter = new MarcConverter(writer, TargetCharset.Unchanged, (_, _) => { });
        using (var input = File.OpenRead(source))
        {
            converter.Convert(input, source, MarcFormat.Iso2709, MarcReaderOptions.Default);
        }

        writer.Complete();
    }

    private static string Rewritten(string source, string directory)
    {
        var path = Path.Combine(directory, "rewritten.mrc");
        Convert(source, MarcFormat.Iso2709, path);
        return path;
    }

    // The records as marc-canonical.pl prints them: per record, its lines after "=record N" (bytes as Latin-1 chars).
    private static List<List<string>> Canonical(string reader, string path, bool unicode)
    {
        var script = TestFiles.Peers("marc-canonical.pl");
        var output = Encoding.Latin1.GetString(unicode
            ? PeerTool.Run("perl", script, reader, path, "--unicode")
            : PeerTool.Run("perl", script, reader, path));
        var records = new List<List<string>>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("=record ", StringComparison.Ordinal))
            {
                records.Add([]);
                continue;
            }

            Assert.True(records.Count > 0, $"{reader} output does not start with a record: {line}");
            records[^1].Add(line);
        }

        return records;
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '\\')
            {
                result.Append('\\');
                i++;
            }
            else if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                result.Append((char)int.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private static string Utf8(string latin1) => Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(latin1));

    // Failure messages show UTF-8 text as text; MARC-8 bytes stay Latin-1 characters.
    private static string Show(string latin1)
    {
        var bytes = Encoding.Latin1.GetBytes(latin1);
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : latin1;
    }
}
