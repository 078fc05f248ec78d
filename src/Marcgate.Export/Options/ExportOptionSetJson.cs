using System.Text.Json.Serialization;

namespace Marcgate.Export.Options;

/// <summary>Serialization code for option set files, generated at build time so loading and saving need no reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExportOptionSet))]
internal sealed partial class ExportOptionSetJson : JsonSerializerContext;
