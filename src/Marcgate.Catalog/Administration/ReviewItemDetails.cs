using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>A review item as a cataloger looks at it: the item and the current versions of the records it matched.</summary>
/// <param name="Item">The item, with its resolution when it was resolved.</param>
/// <param name="Candidates">The matched records that still exist, in the item's order.</param>
public sealed record ReviewItemDetails(ReviewItem Item, IReadOnlyList<StoredRecord> Candidates);
