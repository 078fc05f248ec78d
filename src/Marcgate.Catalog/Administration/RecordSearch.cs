using System.Text;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Administration;

/// <summary>Finds the records of a repository by title, OCLC number or ISBN, the same for the command line and the console.</summary>
/// <remarks>Title and ISBN are not indexed: they are read from the current version of every record, a page at a time.</remarks>
public sealed class RecordSearch
{
    private const int PageSize = 500;

    private readonly ICatalogStore _store;

    /// <summary>Searches one catalog store.</summary>
    public RecordSearch(ICatalogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The records that meet every criterion of the query, ordered by id.</summary>
    public async Task<AdministrationResult<IReadOnlyList<StoredRecord>>> SearchAsync(string repository, RecordSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Title is null && query.OclcNumber is null && query.Isbn is null)
        {
            return Fail(AdministrationResult.Refused("Give a title, an OCLC number or an ISBN to search for."));
        }

        if (query.Limit <= 0)
        {
            return Fail(AdministrationResult.Refused($"The number of records must be positive, not {query.Limit}."));
        }

        string? isbn = null;
        if (query.Isbn is not null && !Isbn.TryNormalize(query.Isbn, out isbn))
        {
            return Fail(AdministrationResult.Refused($"'{query.Isbn}' is not an ISBN (10 or 13 digits, hyphens allowed)."));
        }

        if (!await _store.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            return Fail(AdministrationResult.NotFound($"Repository '{repository}' does not exist; 'marcgate repositories list' shows them."));
        }

        var title = query.Title?.Normalize(NormalizationForm.FormC);
        var found = new List<StoredRecord>();
        if (query.OclcNumber is { } number)
        {
            var candidates = await _store.FindByOclcNumbersAsync(repository, [number], cancellationToken).ConfigureAwait(false);
            found.AddRange(candidates.Where(r => Matches(r, title, isbn)).Take(query.Limit));
            return AdministrationResult<IReadOnlyList<StoredRecord>>.Done(found);
        }

        RecordId? after = null;
        while (found.Count < query.Limit)
        {
            var page = await _store.ListRecordsAsync(repository, after, PageSize, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Where(r => Matches(r, title, isbn)).Take(query.Limit - found.Count));
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        return AdministrationResult<IReadOnlyList<StoredRecord>>.Done(found);
    }

    private static bool Matches(StoredRecord stored, string? title, string? isbn)
    {
        if (title is null && isbn is null)
        {
            return true;
        }

        var record = Iso2709RecordParser.Parse(stored.Content.Span, MarcReaderOptions.Default, 1, 0, []);
        if (record is null)
        {
            return false;
        }

        if (title is not null && !record.GetDataFields("245").Any(f => string.Join(' ', f.Subfields.Select(s => s.Value)).Contains(title, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return isbn is null
            || record.GetDataFields("020").SelectMany(f => f.ValuesOf('a')).Any(a => Isbn.TryNormalize(a, out var found) && found == isbn);
    }

    private static AdministrationResult<IReadOnlyList<StoredRecord>> Fail(AdministrationResult failure) =>
        AdministrationResult<IReadOnlyList<StoredRecord>>.From(failure);
}
