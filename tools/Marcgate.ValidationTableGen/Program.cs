using Marcgate.ValidationTableGen;

// Usage: Marcgate.ValidationTableGen [REPO_ROOT]; writes src/Marcgate.Validation/Generated/*.g.cs.
var root = Path.GetFullPath(args.Length > 0 ? args[0] : Directory.GetCurrentDirectory());
var paths = GeneratorPaths.ForRepository(root);
var files = TableGenerator.Generate(paths);
Directory.CreateDirectory(paths.OutputDirectory);
foreach (var (name, text) in files)
{
    File.WriteAllText(Path.Combine(paths.OutputDirectory, name), text);
    Console.WriteLine($"wrote {name} ({text.Length:N0} chars)");
}

return 0;
