namespace Marcgate.Catalog.Storage;

/// <summary>A catalog that receives records, such as a Network Zone, an Institution Zone or a sandbox (gateway §7 step 1).</summary>
/// <param name="Name">The repository's name, e.g. <c>NETWORK</c>.</param>
/// <param name="Created">When it was added.</param>
public sealed record CatalogRepository(string Name, DateTimeOffset Created);
