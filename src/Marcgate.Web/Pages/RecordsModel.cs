using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>The records page: the search as typed and what it found.</summary>
public sealed record RecordsModel(LayoutModel Page, RecordQuery Query, IReadOnlyList<string> Repositories, IReadOnlyList<(StoredRecord Record, string Title)>? Found);
