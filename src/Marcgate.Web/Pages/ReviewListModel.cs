using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>The review queue: records that matched several records, waiting for a person, oldest first.</summary>
public sealed record ReviewListModel(LayoutModel Page, IReadOnlyList<(ReviewItem Item, string Title)> Items);
