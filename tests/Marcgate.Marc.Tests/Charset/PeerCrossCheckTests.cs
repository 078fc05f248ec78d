using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>
/// Our MARC-8 to UTF-8 field values against the real peers at NFC: yaz-marcdump (yaz) and
/// MARC::Charset (Perl), over every MARC-8 file of the test corpus. Where a peer is known to be
/// wrong (<see cref="KnownPeerDifference.All"/>), the value is checked against the other peer.
/// </summary>
public sealed class PeerCrossCheckTests
{
    private static readonly string[] s_files =
    [
        "valid/diacritic4.mrc", "valid/brkrtest.mrc", "valid/camel.usmarc", "valid/marc8.dat",
        "valid/cjk1.marc", "valid/cjk2.marc", "valid/cjk3.marc", "valid/cjk4.marc",
        "valid/hebrew1.marc", "valid/hebrew2.marc", "valid/hebrew3.marc", "valid/hebrew4.marc",
        "valid/cyrillic.marc", "valid/how-to-program-a-computer.marc", "valid/manden.marc",
        "valid/lul_fre_500.mrc", "valid/jazz_1k.mrc",
        "yaz-golden/marc6.marc", "yaz-golden/marc7.marc", "yaz-golden/marc8.marc", "yaz-golden/marc9.marc", "yaz-golden/marc12.marc",
    ];

    private static readonly Lazy<Dictionary<string, List<string>>> s_marcCharset =
        new(() => PeerValues.MarcCharset(s_files.Select(TestFiles.Marc)));

    public static TheoryData<string> Marc8Files => new(s_files);

    [Theory] // yaz-marcdump: installed by ./test.sh; a missing peer fails the test
    [MemberData(nameof(Marc8Files))]
    public void Values_equal_yaz_marcdump(string file) =>
        Compare(file, KnownPeerDifference.Yaz, PeerValues.Yaz(TestFiles.Marc(file)));

    [Theory] // MARC::Charset: installed by ./test.sh; a missing peer fails the test
    [MemberData(nameof(Marc8Files))]
    public void Values_equal_marc_charset(string file) =>
        Compare(file, KnownPeerDifference.MarcCharset, s_marcCharset.Value[TestFiles.Marc(file)]);

    [Fact]
    public void Every_file_is_marc8_by_its_leader()
    {
        foreach (var file in s_files)
        {
            foreach (var result in Marc.Iso2709.Iso2709Reader.ReadAll(File.ReadAllBytes(TestFiles.Marc(file))))
            {
                Assert.False(result.Record!.Leader.IsUnicode, file);
            }
        }
    }

    private static void Compare(string file, string peer, List<string> peerValues)
    {
        var ours = PeerValues.Ours(TestFiles.Marc(file));
        Assert.Equal(ours.Count, peerValues.Count);
        var known = KnownPeerDifference.All.Where(k => k.File == file && k.Peer == peer).ToList();
        var seen = new HashSet<KnownPeerDifference>();
        var wrong = new List<string>();
        for (var i = 0; i < ours.Count; i++)
        {
            if (ours[i] == peerValues[i])
            {
                continue;
            }

            var difference = known.Find(k => ours[i].StartsWith(k.Value + " ", StringComparison.Ordinal) && ours[i].Contains(k.Contains, StringComparison.Ordinal));
            if (difference is null)
            {
                wrong.Add(Describe(ours[i], peerValues[i], peer));
                continue;
            }

            seen.Add(difference);
            var (expected, actual) = difference.Check switch
            {
                PeerCheck.OtherPeerAgrees => (OtherPeer(file, peer)[i], ours[i]),
                _ => (PeerValues.Yaz(TestFiles.Marc(file))[i], WithoutDroppedCharacters(ours[i])),
            };
            if (expected != actual)
            {
                wrong.Add($"known difference ({difference.Reason}) but the check fails: {Describe(actual, expected, "other")}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {ours.Count} values differ from {peer}:\n{string.Join("\n", wrong.Take(10))}");
        Assert.True(seen.Count == known.Count, "listed differences that no longer occur: " + string.Join("; ", known.Except(seen).Select(k => k.Value + " " + k.Contains)));
    }

    private static List<string> OtherPeer(string file, string peer) =>
        peer == KnownPeerDifference.Yaz ? s_marcCharset.Value[TestFiles.Marc(file)] : PeerValues.Yaz(TestFiles.Marc(file));

    private static string WithoutDroppedCharacters(string value) =>
        string.Concat(value.Where((c, i) => c != '\uFFFD' && (c >= ' ' || i < value.IndexOf('$', StringComparison.Ordinal) + 2)));

    private static string Describe(string ours, string peer, string name)
    {
        var at = ours.AsSpan().CommonPrefixLength(peer);
        var from = Math.Max(0, at - 12);
        return $"{ours[..Math.Min(ours.Length, 16)]}… differs at char {at}: ours [{ours[from..Math.Min(ours.Length, at + 12)]}] {name} [{peer[from..Math.Min(peer.Length, at + 12)]}]";
    }
}
