using Marcgate.Marc8TableGen;

// Usage: Marcgate.Marc8TableGen [TABLES_DIR] [OUTPUT_FILE]
// Defaults: tools/Marcgate.Marc8TableGen/sources, src/Marcgate.Marc/Charset/Marc8Tables.g.cs.
var root = FindRepoRoot();
var tables = args.Length > 0 ? args[0] : Path.Combine(root, "tools", "Marcgate.Marc8TableGen", "sources");
var output = args.Length > 1 ? args[1] : Path.Combine(root, "src", "Marcgate.Marc", "Charset", "Marc8Tables.g.cs");

try
{
    var text = Marc8TableGenerator.Generate(
        File.ReadAllText(Path.Combine(tables, Marc8TableGenerator.CodeTablesFile)),
        File.ReadAllText(Path.Combine(tables, Marc8TableGenerator.InnovativeFile)));
    File.WriteAllText(output, text);
    Console.WriteLine($"wrote {output}");
    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Xml.XmlException)
{
    Console.Error.WriteLine($"Marc8TableGen: {e.Message}");
    return 1;
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Marcgate.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
