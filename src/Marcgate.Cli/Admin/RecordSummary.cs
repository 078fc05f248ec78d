using Marcgate.Catalog.Matching;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli.Admin;

/// <summary>One-line descriptions of records for listings: title and OCLC number from the ISO 2709 bytes.</summary>
internal static class RecordSummary
{
    /// <summary>The record read back, or null when its bytes do not parse.</summary>
    public static MarcRecord? Read(ReadOnlySpan<byte> content) =>
        Iso2709RecordParser.Parse(content, MarcReaderOptions.Default, 1, 0, []);

    /// <summary>245 $a (or the authority's 1XX $a), trimmed of ISBD punctuation, for a listing.</summary>
    public static string Title(ReadOnlySpan<byte> content) => Title(Read(content));

    /// <summary>The title of a record read with <see cref="Read"/>; <c>(unreadable)</c> for null.</summary>
    public static string Title(MarcRecord? record)
    {
        if (record is null)
        {
            return "(unreadable)";
        }

        var heading = record.GetDataFields("245").FirstOrDefault() ?? record.Fields.OfType<DataField>().FirstOrDefault(f => f.Tag.Length == 3 && f.Tag[0] == '1');
        var text = heading?['a']?.TrimEnd(' ', '/', ':', ';', ',', '.', '=') ?? "(no title)";
        return text.Length > 70 ? text[..67] + "..." : text;
    }

    /// <summary>The record's own OCLC number (gateway §7 step 5), or <c>-</c> when it has none or is unreadable.</summary>
    public static string PrimaryOclcNumber(MarcRecord? record) =>
        record is not null && RecordOclcNumbers.From(record).Primary is { } number ? number.ToString() : "-";
}
