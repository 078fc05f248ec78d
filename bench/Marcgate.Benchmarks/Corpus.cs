namespace Marcgate.Benchmarks;

/// <summary>Loads benchmark input from the repository's test corpus (<c>testdata/marc</c>).</summary>
public static class Corpus
{
    /// <summary>The bytes of a file under <c>testdata/marc</c>.</summary>
    public static byte[] Load(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marcgate.slnx")))
            {
                var path = Path.Combine(dir.FullName, "testdata", "marc", relative);
                return File.Exists(path) ? File.ReadAllBytes(path) : throw new FileNotFoundException("test corpus file not found", path);
            }
        }

        throw new FileNotFoundException("Marcgate.slnx not found above " + AppContext.BaseDirectory, relative);
    }
}
