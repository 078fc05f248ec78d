using Marcgate.Marc;

namespace Marcgate.Export.Pipeline;

/// <summary>A record ready to deliver: fields deleted, validated, in the export character set.</summary>
/// <param name="Record">The record as it will be exported.</param>
/// <param name="Iso2709">Its ISO 2709 bytes.</param>
public sealed record PreparedRecord(MarcRecord Record, byte[] Iso2709);
