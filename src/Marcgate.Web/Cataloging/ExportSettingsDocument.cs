using System.Text.Json.Serialization;

namespace Marcgate.Web.Cataloging;

/// <summary>A cataloger's export options (My Default or this session's) as the catalog keeps them.</summary>
/// <remarks>Settings are the text of <see cref="Export.Options.ExportOptionKeys"/>; the password is kept only encrypted with Data Protection.</remarks>
internal sealed class ExportSettingsDocument
{
    [JsonPropertyName("settings")]
    public SortedDictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("password")]
    public string? ProtectedPassword { get; set; }
}
