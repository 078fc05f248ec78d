using System.Reflection;
using System.Text.RegularExpressions;
using Marcgate.Tests;

namespace Marcgate.Cli.Tests;

/// <summary>docs/diagnostics.md has one heading for every diagnostic ID the program can print, and none for an ID that is gone.</summary>
public sealed partial class DiagnosticsDocumentationTests
{
    [Fact]
    public void Every_diagnostic_id_is_documented()
    {
        var missing = DefinedIds().Keys.Except(DocumentedIds()).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"docs/diagnostics.md has no '### ID' heading for: {string.Join(", ", missing.Select(id => $"{id} ({DefinedIds()[id]})"))}");
    }

    [Fact]
    public void Every_documented_id_still_exists()
    {
        var stale = DocumentedIds().Except(DefinedIds().Keys).Order(StringComparer.Ordinal).ToList();

        Assert.True(stale.Count == 0, $"docs/diagnostics.md documents IDs no *DiagnosticIds class defines: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Each_id_is_documented_once()
    {
        var repeated = DocumentedIds().GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(repeated.Count == 0, $"docs/diagnostics.md documents these IDs more than once: {string.Join(", ", repeated)}");
    }

    [Fact]
    public void The_id_classes_are_found()
    {
        // Guards the reflection below: the reader's and the validator's IDs at least.
        Assert.Contains("MARC010", DefinedIds().Keys);
        Assert.Contains("VAL101", DefinedIds().Keys);
    }

    // Every constant of every *DiagnosticIds class in the program's assemblies: ID → Class.Name.
    private static Dictionary<string, string> DefinedIds()
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in ProgramAssemblies().SelectMany(a => a.GetTypes()).Where(t => t.Name.EndsWith("DiagnosticIds", StringComparison.Ordinal)))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                ids.TryAdd((string)field.GetRawConstantValue()!, $"{type.Name}.{field.Name}");
            }
        }

        return ids;
    }

    // The marcgate program and every Marcgate assembly it references, directly or not.
    private static IEnumerable<Assembly> ProgramAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(DumpCommand).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Marcgate.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return seen.Values;
    }

    private static List<string> DocumentedIds() =>
        [.. Heading().Matches(File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "docs", "diagnostics.md"))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^### ([A-Z]+[0-9]+)\b", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
