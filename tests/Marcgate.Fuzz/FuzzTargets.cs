using Marcgate.Marc;
using Marcgate.Marc.Formats;

namespace Marcgate.Fuzz;

/// <summary>Every target, by name.</summary>
internal static class FuzzTargets
{
    private static readonly string[] s_marcFolders = ["testdata/marc/valid", "testdata/marc/invalid", "testdata/marc/yaz-golden"];
    private static readonly string[] s_iso2709 = [".mrc", ".marc", ".usmarc", ".dat"];

    /// <summary>The targets' names, known without constructing a target.</summary>
    /// <remarks>Under the fuzzer nothing of the instrumented assemblies may run before SharpFuzz has mapped its edge map.</remarks>
    public static IReadOnlyList<string> Names { get; } = ["iso2709-lenient", "iso2709-strict", "marcxml", "json", "mrk", "marc8", "gateway", "detect"];

    public static IReadOnlyList<FuzzTarget> All => s_all.Value;

    private static readonly Lazy<IReadOnlyList<FuzzTarget>> s_all = new(() =>
    [
        new MarcReaderTarget("iso2709-lenient", MarcFormat.Iso2709, MarcReadMode.Lenient, s_marcFolders, s_iso2709),
        new MarcReaderTarget("iso2709-strict", MarcFormat.Iso2709, MarcReadMode.Strict, s_marcFolders, s_iso2709),
        new MarcReaderTarget("marcxml", MarcFormat.MarcXml, MarcReadMode.Lenient, s_marcFolders, [".xml"]),
        new MarcReaderTarget("json", MarcFormat.MarcJson, MarcReadMode.Lenient, s_marcFolders, [".json"]),
        new MarcReaderTarget("mrk", MarcFormat.Mnemonic, MarcReadMode.Lenient, s_marcFolders, [".mrk", ".mrk8"]),
        new Marc8Target(),
        new GatewayTarget(),
        new MarcReaderTarget("detect", null, MarcReadMode.Lenient, s_marcFolders, [.. s_iso2709, ".xml", ".json", ".mrk", ".mrk8"]),
    ]);

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
