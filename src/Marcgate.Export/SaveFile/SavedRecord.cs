using Marcgate.Marc;
using Marcgate.Marc.Charset;

namespace Marcgate.Export.SaveFile;

/// <summary>One record in the local save file.</summary>
/// <param name="Number">Its save file number, as <c>savefile list</c> shows it.</param>
/// <param name="Title">245 $a (or the authority heading) for lists.</param>
/// <param name="ControlNumber">001, when the record has one.</param>
/// <param name="Iso2709">The record's bytes as saved.</param>
/// <param name="Flagged">Flagged for export.</param>
/// <param name="Added">When it was saved.</param>
public sealed record SavedRecord(long Number, string Title, string? ControlNumber, byte[] Iso2709, bool Flagged, DateTimeOffset Added)
{
    /// <summary>The outcome of the last export of this record (status and the host's line), if any.</summary>
    public string? LastExport { get; init; }

    /// <summary>What lists show for a record: 245 $a, else the first 1XX $a (an authority heading), in Unicode, without closing punctuation.</summary>
    public static string TitleOf(MarcRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var unicode = record.Leader.IsUnicode ? record : MarcCharsetConverter.ToUnicode(record);
        var heading = unicode.GetDataFields("245").FirstOrDefault()?['a']
            ?? unicode.Fields.OfType<DataField>().FirstOrDefault(f => f.Tag.Length == 3 && f.Tag[0] == '1')?['a'];
        return heading?.Trim().TrimEnd('/', ':', ';', ',', ' ') ?? "(no title)";
    }
}
