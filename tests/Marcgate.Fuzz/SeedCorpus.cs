namespace Marcgate.Fuzz;

/// <summary>The inputs a target starts from and is checked against: seeds from <c>testdata/</c>, the target's own seeds, and the regression files of its findings.</summary>
internal static class SeedCorpus
{
    /// <summary>Larger seeds slow every execution; a larger file gives its first records, or nothing.</summary>
    public const int MaxSeedBytes = 8 * 1024;

    /// <summary>Where this project keeps its files, under the repository root.</summary>
    public const string ProjectFolder = "tests/Marcgate.Fuzz";

    /// <summary>The first ancestor of the program's folder (or of the working directory) that holds <c>Marcgate.slnx</c>.</summary>
    public static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Marcgate.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Marcgate.slnx not found above the program or the working directory");
    }

    /// <summary>The seeds of a target, named by where they came from.</summary>
    public static IEnumerable<(string Name, byte[] Input)> Seeds(FuzzTarget target, string root)
    {
        foreach (var source in target.SeedSources)
        {
            var path = Path.Combine(root, source);
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)
                : File.Exists(path) ? [path] : throw new FileNotFoundException($"seed source {source} of {target.Name} is missing", path);
            foreach (var file in files)
            {
                var index = 0;
                foreach (var input in target.SeedsFrom(file, File.ReadAllBytes(file)))
                {
                    if (input.Length <= MaxSeedBytes)
                    {
                        yield return ($"{Path.GetRelativePath(root, file)}#{index}", input);
                    }

                    index++;
                }
            }
        }

        foreach (var file in FilesOf(Path.Combine(root, ProjectFolder, "seeds", target.Name)))
        {
            yield return (Path.GetRelativePath(root, file), File.ReadAllBytes(file));
        }
    }

    /// <summary>The regression files of a target: inputs that once crashed, hung or allocated without bound.</summary>
    public static IEnumerable<string> Regressions(FuzzTarget target, string root) =>
        FilesOf(Path.Combine(root, ProjectFolder, "regressions", target.Name));

    private static IEnumerable<string> FilesOf(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => Path.GetFileName(f) != "README.md").Order(StringComparer.Ordinal)
            : [];
}
