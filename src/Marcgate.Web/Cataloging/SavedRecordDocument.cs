using System.Text.Json.Serialization;

namespace Marcgate.Web.Cataloging;

/// <summary>A record of a cataloger's online save file as the catalog keeps it.</summary>
internal sealed class SavedRecordDocument
{
    [JsonPropertyName("iso2709")]
    public byte[] Iso2709 { get; set; } = [];

    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    [JsonPropertyName("control")]
    public string? ControlNumber { get; set; }

    [JsonPropertyName("flagged")]
    public bool Flagged { get; set; }

    [JsonPropertyName("added")]
    public DateTimeOffset Added { get; set; }

    [JsonPropertyName("lastExport")]
    public string? LastExport { get; set; }
}
