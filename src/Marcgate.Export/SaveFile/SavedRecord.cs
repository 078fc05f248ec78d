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
}
