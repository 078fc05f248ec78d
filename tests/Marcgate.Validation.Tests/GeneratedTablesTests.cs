using Marcgate.Tests;
using Marcgate.ValidationTableGen;

namespace Marcgate.Validation.Tests;

public sealed class GeneratedTablesTests
{
    [Fact]
    public void Checked_in_tables_are_what_the_generator_produces_now()
    {
        var paths = GeneratorPaths.ForRepository(TestFiles.RepoRoot);
        var generated = TableGenerator.Generate(paths);
        Assert.NotEmpty(generated);
        foreach (var (name, text) in generated)
        {
            var path = Path.Combine(paths.OutputDirectory, name);
            Assert.True(File.Exists(path), $"{name} is not checked in; run tools/Marcgate.ValidationTableGen");
            Assert.True(File.ReadAllText(path) == text, $"{name} is stale; run: dotnet run --project tools/Marcgate.ValidationTableGen -- .");
        }

        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), Directory.GetFiles(paths.OutputDirectory, "*.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
