namespace Marcgate.Tests;

/// <summary>Locates the repository root and the read-only shared corpus (<c>../shared</c> beside it).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    /// <summary>The repository root: the first ancestor of the test binary holding <c>Marcgate.slnx</c>.</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>The shared folder, <c>../shared</c> relative to the repository root.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Marc(string relative) => Path.Combine(Root, "data", "marc", relative);

    public static string Tables(string relative) => Path.Combine(Root, "tables", relative);

    public static string Gateway(string relative) => Path.Combine(Root, "data", "gateway", relative);

    /// <summary>Whether a corpus file holds ISO 2709 records, by its extension.</summary>
    public static bool IsIso2709(string path) => Path.GetExtension(path) is ".mrc" or ".marc" or ".usmarc" or ".dat";

    /// <summary>The ISO 2709 files of a corpus folder (<c>valid</c>, <c>invalid</c>): full paths, in ordinal order.</summary>
    public static IEnumerable<string> Iso2709Files(string folder) =>
        Directory.EnumerateFiles(Marc(folder)).Where(IsIso2709).Order(StringComparer.Ordinal);

    public static string TestData(string relative) => Path.Combine(RepoRoot, "tests", "TestData", relative);

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
