namespace Marcgate.Tests;

/// <summary>
/// Locates the repository root and the test corpora inside it: <c>testdata/</c> (MARC records and
/// gateway request vectors, provenance in its READMEs), <c>tests/TestData/</c> (the project's own
/// expected outputs) and the generators' source tables under <c>tools/</c>.
/// </summary>
internal static class TestFiles
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    /// <summary>The repository root: the first ancestor of the test binary holding <c>Marcgate.slnx</c>.</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>A path under <c>testdata/marc</c>.</summary>
    public static string Marc(string relative) => Existing(Path.Combine(RepoRoot, "testdata", "marc", relative));

    /// <summary>A schema under <c>testdata/schema</c> (LoC MARC21slim).</summary>
    public static string Schema(string relative) => Existing(Path.Combine(RepoRoot, "testdata", "schema", relative));

    /// <summary>A script under <c>tests/peers</c> that drives a peer tool.</summary>
    public static string Peers(string relative) => Existing(Path.Combine(RepoRoot, "tests", "peers", relative));

    /// <summary>A LoC MARC-8 table file the code-table generator reads.</summary>
    public static string Marc8Tables(string relative) =>
        Existing(Path.Combine(RepoRoot, "tools", "Marcgate.Marc8TableGen", "sources", relative));

    /// <summary>A path under <c>testdata/gateway</c>.</summary>
    public static string Gateway(string relative) => Existing(Path.Combine(RepoRoot, "testdata", "gateway", relative));

    /// <summary>Whether a corpus file holds ISO 2709 records, by its extension.</summary>
    public static bool IsIso2709(string path) => Path.GetExtension(path) is ".mrc" or ".marc" or ".usmarc" or ".dat";

    /// <summary>The ISO 2709 files of a corpus folder (<c>valid</c>, <c>invalid</c>): full paths, in ordinal order.</summary>
    public static IEnumerable<string> Iso2709Files(string folder)
    {
        var files = Directory.EnumerateFiles(Marc(folder)).Where(IsIso2709).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new FileNotFoundException($"no ISO 2709 files in {Marc(folder)}");
    }

    public static string TestData(string relative) => Path.Combine(RepoRoot, "tests", "TestData", relative);

    // A missing corpus is a broken checkout, never a reason to pass: fail at the lookup, naming the path.
    private static string Existing(string path) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw new FileNotFoundException($"test data missing: {path}", path);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marcgate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Marcgate.slnx not found above " + AppContext.BaseDirectory);
    }
}
