using Marcgate.Export.SaveFile;
using Marcgate.Marc;

namespace Marcgate.Export.Pipeline;

/// <summary>How the summary names a record to a person: its title and OCLC number.</summary>
internal static class RecordLabel
{
    private const string OclcPrefix = "(OCoLC)";

    /// <summary><c>"Title" (OCLC 123)</c>, or the parts the record has.</summary>
    public static string Of(MarcRecord? record)
    {
        if (record is null)
        {
            return "(unreadable)";
        }

        var title = SavedRecord.TitleOf(record);
        if (title.Length > 50)
        {
            title = title[..50] + "…";
        }

        return OclcNumber(record) is { } oclc ? $"\"{title}\" (OCLC {oclc})" : $"\"{title}\"";
    }

    /// <summary>035 $a <c>(OCoLC)…</c>, else 001 when 003 is <c>OCoLC</c>; without prefix or leading zeros.</summary>
    public static string? OclcNumber(MarcRecord record)
    {
        var fromLink = record.GetDataFields("035").Select(f => f['a']).FirstOrDefault(a => a?.StartsWith(OclcPrefix, StringComparison.Ordinal) == true);
        var text = fromLink?[OclcPrefix.Length..]
            ?? (record.Fields.OfType<ControlField>().FirstOrDefault(f => f.Tag == "003")?.Value == "OCoLC"
                ? record.Fields.OfType<ControlField>().FirstOrDefault(f => f.Tag == "001")?.Value
                : null);
        if (text is null)
        {
            return null;
        }

        var digits = text.Trim().TrimStart('o', 'c', 'm', 'n').TrimStart('0');
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
