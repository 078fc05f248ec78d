using Marcgate.Marc;

namespace Marcgate.Catalog.Merging;

/// <summary>What merging an incoming record into the one it matched gave: the record to store, or why none.</summary>
/// <param name="Record">The merged record, or null when the guard refused the overlay.</param>
/// <param name="Refusal">Why the overlay was refused (gateway §4 <c>lower-encoding-level</c>), or null.</param>
internal sealed record MergeOutcome(MarcRecord? Record, string? Refusal);
