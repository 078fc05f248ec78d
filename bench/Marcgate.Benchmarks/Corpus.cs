namespace Marcgate.Benchmarks;

/// <summary>Loads benchmark input from the shared corpus beside the repository.</summary>
public static class Corpus
{
    /// <summary>The bytes of a file under <c>../shared/data/marc</c>.</summary>
    public static byte[] Load(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "marc", relative);
            if (File.Exists(Path.Combine(dir.FullName, "Marcgate.slnx")) && File.Exists(candidate))
            {
                return File.ReadAllBytes(candidate);
            }
        }

        throw new FileNotFoundException("shared corpus file not found", relative);
    }
}
