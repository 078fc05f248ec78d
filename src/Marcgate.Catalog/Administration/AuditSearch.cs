using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>Reads the administrative audit log by time and subject, the same for the command line and the console.</summary>
public sealed class AuditSearch
{
    /// <summary>The most entries one search returns.</summary>
    public const int MaxLimit = 10_000;

    private readonly ICatalogStore _store;

    /// <summary>Reads one catalog store's audit log.</summary>
    public AuditSearch(ICatalogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The latest <paramref name="limit"/> entries that match, newest first.</summary>
    /// <param name="subject"><c>KIND</c> or <c>KIND:NAME</c> (e.g. <c>account:01CARLI_NETWORK</c>), or null for every subject.</param>
    /// <param name="since">Only entries at or after this time, or null.</param>
    /// <param name="limit">How many at most, 1 to <see cref="MaxLimit"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<AdministrationResult<IReadOnlyList<AuditEntry>>> FindAsync(string? subject, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        if (limit is <= 0 or > MaxLimit)
        {
            return Fail($"The number of entries must be from 1 to {MaxLimit}, not {limit}.");
        }

        var query = new AuditQuery { Since = since, Limit = limit };
        if (subject is not null)
        {
            // A logon ID may hold a colon itself: only the first one ends the kind.
            var colon = subject.IndexOf(':', StringComparison.Ordinal);
            var kindText = colon < 0 ? subject : subject[..colon];
            if (!AuditNames.TryParseSubject(kindText.Trim(), out var kind))
            {
                return Fail($"'{subject}' does not start with a subject kind: use KIND or KIND:NAME with KIND one of {string.Join(", ", AuditNames.SubjectKinds)}.");
            }

            query = query with { SubjectKind = kind, SubjectName = colon < 0 || colon == subject.Length - 1 ? null : subject[(colon + 1)..] };
        }

        return AdministrationResult<IReadOnlyList<AuditEntry>>.Done(await _store.FindAuditEntriesAsync(query, cancellationToken).ConfigureAwait(false));
    }

    private static AdministrationResult<IReadOnlyList<AuditEntry>> Fail(string message) =>
        AdministrationResult<IReadOnlyList<AuditEntry>>.From(AdministrationResult.Refused(message));
}
