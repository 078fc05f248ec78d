using System.Text.Json.Serialization;

namespace Marcgate.Web.Cataloging;

/// <summary>One record's line in the export status window: what the host replied and what became of the record.</summary>
internal sealed class ExportRowDocument
{
    [JsonPropertyName("n")]
    public int Number { get; set; }

    [JsonPropertyName("saved")]
    public long? SaveFileNumber { get; set; }

    [JsonPropertyName("title")]
    public string Title { get; set; } = string.Empty;

    [JsonPropertyName("outcome")]
    public string Outcome { get; set; } = string.Empty;

    [JsonPropertyName("ok")]
    public bool Succeeded { get; set; }

    [JsonPropertyName("reply")]
    public string Reply { get; set; } = string.Empty;

    [JsonPropertyName("record")]
    public string? RecordId { get; set; }

    [JsonPropertyName("reasons")]
    public List<string> Reasons { get; set; } = [];
}
