using System.Globalization;

namespace Marcgate.Marc.Mnemonic;

/// <summary>The MarcEdit/MARCMaker character mnemonics, loaded from the data file <c>mnemonics.tsv</c> (provenance in its header).</summary>
internal sealed class MnemonicTable
{
    private static readonly Lazy<MnemonicTable> s_instance = new(Load);

    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);
    private readonly string?[] _nameByMarc8Byte = new string?[256];
    private readonly Dictionary<int, string> _nameByCodePoint = [];

    public static MnemonicTable Instance => s_instance.Value;

    public int Count => _byName.Count;

    public bool TryGet(string name, out Entry entry) => _byName.TryGetValue(name, out entry);

    /// <summary>The preferred mnemonic for a MARC-8 byte, or null.</summary>
    public string? NameOfMarc8(byte b) => _nameByMarc8Byte[b];

    /// <summary>The preferred mnemonic for a Unicode code point, or null.</summary>
    public string? NameOfCodePoint(int codePoint) => _nameByCodePoint.GetValueOrDefault(codePoint);

    private static MnemonicTable Load()
    {
        var table = new MnemonicTable();
        using var stream = typeof(MnemonicTable).Assembly.GetManifestResourceStream("Marcgate.Marc.Mnemonic.mnemonics.tsv")
            ?? throw new InvalidOperationException("The mnemonic table resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            var entry = new Entry(
                byte.Parse(columns[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                int.Parse(columns[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            table._byName.Add(columns[0], entry);
            table._nameByMarc8Byte[entry.Marc8] ??= columns[0];
            table._nameByCodePoint.TryAdd(entry.CodePoint, columns[0]);
        }

        return table;
    }

    /// <summary>One mnemonic: its MARC-8 byte and its Unicode code point.</summary>
    public readonly record struct Entry(byte Marc8, int CodePoint);
}
