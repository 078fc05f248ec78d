using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Pages;

/// <summary>The repositories page: each repository with its record count.</summary>
public sealed record RepositoriesModel(LayoutModel Page, IReadOnlyList<(CatalogRepository Repository, long Records)> Repositories, string? Name);
