using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>One review item: the incoming record beside each record it matched.</summary>
/// <param name="Page">The layout.</param>
/// <param name="Item">The item, with its resolution once resolved.</param>
/// <param name="Title">The incoming record's title.</param>
/// <param name="Candidates">Each matched record that still exists, with its title and the comparison of it (left) with the incoming record (right).</param>
public sealed record ReviewItemModel(LayoutModel Page, ReviewItem Item, string Title, IReadOnlyList<(StoredRecord Record, string Title, IReadOnlyList<DiffRow> Rows)> Candidates);
