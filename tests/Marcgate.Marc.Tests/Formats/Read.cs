using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Json;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Xml;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Formats;

/// <summary>Reads whole corpus files into records, failing on any rejected record.</summary>
internal static class Read
{
    public static List<MarcRecord> Iso2709(string path) => Records(Iso2709Reader.ReadAll(File.ReadAllBytes(path)));

    public static List<MarcRecord> Xml(string path) => Records(MarcXmlReader.ReadAll(File.ReadAllBytes(path)));

    public static List<MarcRecord> Json(string path) => Records(MarcJsonReader.ReadAll(File.ReadAllBytes(path)));

    public static List<MarcRecord> Mnemonic(string path) => Records(MnemonicReader.ReadAll(File.ReadAllBytes(path)));

    public static List<MarcRecord> Records(IEnumerable<MarcReadResult> results) =>
        [.. results.Select(r => r.Record ?? throw new Xunit.Sdk.XunitException($"record {r.RecordNumber} rejected: {string.Join("; ", r.Diagnostics)}"))];

    public static string Corpus(string relative) => TestFiles.Marc(relative);
}
