using System.Text.Json.Serialization;

namespace Marcgate.Web.Cataloging;

/// <summary>A named export destination (Network Zone, Institution Zone, Sandbox, …) as the catalog keeps it.</summary>
internal sealed class DestinationDocument
{
    [JsonPropertyName("host")]
    public string Host { get; set; } = string.Empty;

    [JsonPropertyName("port")]
    public int Port { get; set; }

    [JsonPropertyName("logonId")]
    public string? LogonId { get; set; }

    [JsonPropertyName("password")]
    public string? ProtectedPassword { get; set; }
}
