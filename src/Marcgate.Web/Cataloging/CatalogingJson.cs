using System.Text.Json.Serialization;

namespace Marcgate.Web.Cataloging;

/// <summary>Serialization of what the cataloging pages keep, generated at build time: the program is compiled ahead of time.</summary>
[JsonSerializable(typeof(SavedRecordDocument))]
[JsonSerializable(typeof(ExportSettingsDocument))]
[JsonSerializable(typeof(DestinationDocument))]
[JsonSerializable(typeof(ExportRunDocument))]
internal sealed partial class CatalogingJson : JsonSerializerContext;
