using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>The records page: the search as typed and what it found.</summary>
public sealed record RecordsModel(LayoutModel Page, RecordQuery Query, IReadOnlyList<string> Repositories, IReadOnlyList<(StoredRecord Record, string Title)>? Found);

/// <summary>A record search as typed.</summary>
public sealed record RecordQuery(string Repository, string Id, string Oclc, string Title, string Isbn);
