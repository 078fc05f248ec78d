namespace Marcgate.ValidationTableGen;

/// <summary>Where the generator reads its sources and writes its tables.</summary>
/// <param name="SchemaDirectory">The MARC 21 schema JSON files (tools/Marcgate.ValidationTableGen/sources).</param>
/// <param name="DataDirectory">The project's own data files (src/Marcgate.Validation/Data).</param>
/// <param name="OutputDirectory">Where the *.g.cs files go (src/Marcgate.Validation/Generated).</param>
public sealed record GeneratorPaths(string SchemaDirectory, string DataDirectory, string OutputDirectory)
{
    public static GeneratorPaths ForRepository(string repositoryRoot) => new(
        Path.Combine(repositoryRoot, "tools", "Marcgate.ValidationTableGen", "sources"),
        Path.Combine(repositoryRoot, "src", "Marcgate.Validation", "Data"),
        Path.Combine(repositoryRoot, "src", "Marcgate.Validation", "Generated"));
}
