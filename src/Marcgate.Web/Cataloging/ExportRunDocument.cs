using System.Text.Json.Serialization;

namespace Marcgate.Web.Cataloging;

/// <summary>One export a cataloger started, with a row per record, as the catalog keeps it for the status window and the history.</summary>
internal sealed class ExportRunDocument
{
    [JsonPropertyName("started")]
    public DateTimeOffset Started { get; set; }

    [JsonPropertyName("finished")]
    public DateTimeOffset? Finished { get; set; }

    [JsonPropertyName("destination")]
    public string Destination { get; set; } = string.Empty;

    [JsonPropertyName("fileType")]
    public string FileType { get; set; } = string.Empty;

    [JsonPropertyName("total")]
    public int Total { get; set; }

    [JsonPropertyName("rows")]
    public List<ExportRowDocument> Rows { get; set; } = [];

    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    [JsonPropertyName("hints")]
    public List<string> Hints { get; set; } = [];

    [JsonPropertyName("download")]
    public string? DownloadName { get; set; }

    /// <summary>When the export's file was dropped to keep only the most recent ones; the history stays.</summary>
    [JsonPropertyName("fileDropped")]
    public DateTimeOffset? FileDropped { get; set; }

    [JsonIgnore]
    public bool Running => Finished is null;
}
