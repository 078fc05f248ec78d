using System.Text.Json.Nodes;
using Marcgate.Tests;
using Marcgate.ValidationTableGen;

namespace Marcgate.Validation.Tests;

/// <summary>The generator refuses an obsolete-codes.json entry that contradicts the current schema.</summary>
public sealed class ObsoleteCodeDataTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("marcgate-obsolete-").FullName;
    private readonly GeneratorPaths _paths;

    public ObsoleteCodeDataTests()
    {
        var real = GeneratorPaths.ForRepository(TestFiles.RepoRoot);
        foreach (var file in Directory.GetFiles(real.DataDirectory))
        {
            File.Copy(file, Path.Combine(_data, Path.GetFileName(file)));
        }

        _paths = real with { DataDirectory = _data };
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void The_checked_in_list_is_consistent_with_the_schema() => Assert.NotEmpty(TableGenerator.Generate(_paths));

    [Fact]
    public void A_current_value_listed_as_obsolete_is_rejected()
    {
        Edit(data => data["bibliographic"]!["245"]!["indicator1"] = JsonNode.Parse("""{"1": {"label": "Added entry"}}"""));
        var error = Assert.Throws<InvalidDataException>(() => TableGenerator.Generate(_paths));
        Assert.Contains("bibliographic 245 Indicator1 '1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_subfield_listed_as_obsolete_is_rejected()
    {
        Edit(data => data["bibliographic"]!["020"]!["subfields"]!["a"] = JsonNode.Parse("""{"label": "ISBN"}"""));
        Assert.Throws<InvalidDataException>(() => TableGenerator.Generate(_paths));
    }

    [Fact]
    public void An_unknown_tag_is_rejected()
    {
        Edit(data => data["bibliographic"]!["123"] = JsonNode.Parse("""{"subfields": {"a": {"label": "Nothing"}}}"""));
        var error = Assert.Throws<InvalidDataException>(() => TableGenerator.Generate(_paths));
        Assert.Contains("123", error.Message, StringComparison.Ordinal);
    }

    private void Edit(Action<JsonNode> change)
    {
        var path = Path.Combine(_data, "obsolete-codes.json");
        var data = JsonNode.Parse(File.ReadAllText(path))!;
        change(data);
        File.WriteAllText(path, data.ToJsonString());
    }
}
