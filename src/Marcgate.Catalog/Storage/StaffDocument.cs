namespace Marcgate.Catalog.Storage;

/// <summary>
/// Something a staff user keeps in the catalog, so that every node serving it shows the same: a saved record, export
/// options, a named export destination, an export's history.
/// </summary>
/// <param name="Owner">The staff user's name, or <see cref="Everyone"/> for what an admin keeps for all.</param>
/// <param name="Kind">What it is (<c>saved-record</c>, <c>export-options</c>, …); the web decides the words.</param>
/// <param name="Key">Its key within the owner's documents of that kind (1-200 characters).</param>
/// <param name="Value">Its content, as text the owner of the kind reads (JSON).</param>
/// <param name="Updated">When it was last written.</param>
public sealed record StaffDocument(string Owner, string Kind, string Key, string Value, DateTimeOffset Updated)
{
    /// <summary>The owner of what is kept for every staff user: no user name is empty.</summary>
    public const string Everyone = "";
}
