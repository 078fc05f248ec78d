using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Xml;

namespace Marcgate.Cli.Admin;

/// <summary>Writes a stored record as <c>mrk</c> (MarcEdit text), <c>marcxml</c> or <c>iso2709</c>.</summary>
internal static class RecordOutput
{
    public static readonly string[] Formats = ["mrk", "marcxml", "iso2709"];

    public static void Write(TextWriter output, ReadOnlyMemory<byte> content, string format)
    {
        if (format == "iso2709")
        {
            // Stored records are UTF-8 (leader/09 'a'); the text writer's UTF-8 gives back the same bytes.
            output.Write(Encoding.UTF8.GetString(content.Span));
            output.Flush();
            return;
        }

        var record = RecordSummary.Read(content.Span) ?? throw new InvalidDataException("The stored record's bytes do not parse as ISO 2709.");
        output.Write(format == "marcxml" ? ToMarcXml(record) : MnemonicWriter.ToText(record));
        output.Flush();
    }

    private static string ToMarcXml(MarcRecord record)
    {
        using var memory = new MemoryStream();
        using (var writer = new MarcXmlWriter(memory, leaveOpen: true))
        {
            writer.Write(record);
            writer.Complete();
        }

        return Encoding.UTF8.GetString(memory.ToArray());
    }
}
