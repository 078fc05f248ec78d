using System.Text;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Web.Pages;

/// <summary>A stored record read for people: the record itself, its mnemonic (<c>.mrk</c>) text, and its title.</summary>
internal static class MarcText
{
    /// <summary>The record in the stored ISO 2709 bytes, or null when they do not read back.</summary>
    public static MarcRecord? Read(ReadOnlyMemory<byte> content) =>
        Iso2709RecordParser.Parse(content.Span, MarcReaderOptions.Default, 1, 0, []);

    /// <summary>The record as MarcEdit's mnemonic text, as <c>marcgate records show --format mrk</c> writes it.</summary>
    public static string Mnemonic(MarcRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = MarcFormats.OpenWriter(buffer, MarcFormat.Mnemonic, leaveOpen: true))
        {
            writer.Write(record, [], 1);
            writer.Complete();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>245 $a $b (and $n $p), trimmed of its closing punctuation; empty without a 245.</summary>
    public static string Title(MarcRecord? record)
    {
        var field = record?.GetDataFields("245").FirstOrDefault();
        if (field is null)
        {
            return string.Empty;
        }

        var text = string.Join(' ', field.Subfields.Where(s => s.Code is 'a' or 'b' or 'n' or 'p').Select(s => s.Value.Trim()));
        return text.TrimEnd(' ', '/', ':', ';', ',', '.', '=');
    }
}
