using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>Reads one store's items in a fixed order with a fingerprint each, so two stores compare item by item.</summary>
internal static class StoreContents
{
    public const int PageSize = 500;

    public static async IAsyncEnumerable<StoreEntry> RepositoriesAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var repository in (await store.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false)).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            yield return Named("repository", repository.Name, Fingerprint(repository));
        }
    }

    public static async IAsyncEnumerable<StoreEntry> ProfilesAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var profile in (await store.ListProfilesAsync(cancellationToken).ConfigureAwait(false)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            yield return Named("profile", profile.Name, Fingerprint(profile));
        }
    }

    public static async IAsyncEnumerable<StoreEntry> AccountsAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var account in (await store.ListAccountsAsync(cancellationToken).ConfigureAwait(false)).OrderBy(a => a.LogonId, StringComparer.Ordinal))
        {
            yield return Named("account", account.LogonId, Fingerprint(account));
        }
    }

    public static async IAsyncEnumerable<StoreEntry> StaffUsersAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var user in (await store.ListStaffUsersAsync(cancellationToken).ConfigureAwait(false)).OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            yield return Named("staff user", user.Name, Fingerprint(user));
        }
    }

    public static async IAsyncEnumerable<StoreEntry> DataProtectionKeysAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var key in (await store.ListDataProtectionKeysAsync(cancellationToken).ConfigureAwait(false)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            yield return Named("data protection key", key.Name, Fingerprint(key));
        }
    }

    public static async IAsyncEnumerable<StoreEntry> StaffDocumentsAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var documents = (await store.ListAllStaffDocumentsAsync(cancellationToken).ConfigureAwait(false))
            .Select(d => (Document: d, SortKey: $"{d.Owner}\0{d.Kind}\0{d.Key}"))
            .OrderBy(d => d.SortKey, StringComparer.Ordinal);
        foreach (var (document, sortKey) in documents)
        {
            var owner = document.Owner == StaffDocument.Everyone ? "everyone" : document.Owner;
            yield return new StoreEntry(sortKey, $"staff document {document.Kind} {document.Key} of {owner}", Fingerprint(document));
        }
    }

    /// <summary>The lockouts in force at <paramref name="now"/>: one that has ended locks nothing and is not copied.</summary>
    public static async IAsyncEnumerable<StoreEntry> LogonLocksAsync(ICatalogStore store, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var locks = (await store.ListLogonLocksAsync(now, cancellationToken).ConfigureAwait(false))
            .Select(l => (Lock: l, SortKey: $"{(int)l.Key.Scope:D3}\0{l.Key.Value}"))
            .OrderBy(l => l.SortKey, StringComparer.Ordinal);
        foreach (var (logonLock, sortKey) in locks)
        {
            using var fingerprint = new StoreFingerprint();
            yield return new StoreEntry(
                sortKey,
                $"logon lock {logonLock.Key.Scope} {logonLock.Key.Value}",
                fingerprint.Add((long)logonLock.Key.Scope).Add(logonLock.Key.Value).Add(logonLock.Until).Finish());
        }
    }

    public static async IAsyncEnumerable<StoreEntry> KnownAddressesAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = (await store.ListKnownAddressesAsync(cancellationToken).ConfigureAwait(false))
            .Select(k => (Known: k, SortKey: $"{k.LogonId}\0{k.PeerAddress}"))
            .OrderBy(k => k.SortKey, StringComparer.Ordinal);
        foreach (var (address, sortKey) in known)
        {
            using var fingerprint = new StoreFingerprint();
            yield return new StoreEntry(
                sortKey,
                $"known address {address.PeerAddress} of {address.LogonId}",
                fingerprint.Add(address.LogonId).Add(address.PeerAddress).Add(address.At).Finish());
        }
    }

    public static async IAsyncEnumerable<StoreEntry> RecordsAsync(ICatalogStore store, string repository, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (record, versions) in RecordHistoriesAsync(store, repository, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoreEntry(Numbered(record.Id.Value), $"record {record.Id} of {repository}", Fingerprint(record, versions), versions.Count);
        }
    }

    /// <summary>Every record of the repository, ordered by id, with every version.</summary>
    public static async IAsyncEnumerable<(StoredRecord Record, IReadOnlyList<RecordVersion> Versions)> RecordHistoriesAsync(
        ICatalogStore store, string repository, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RecordId? after = null;
        while (true)
        {
            var page = await store.ListRecordsAsync(repository, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return (record, await store.GetHistoryAsync(repository, record.Id, cancellationToken).ConfigureAwait(false));
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public static async IAsyncEnumerable<StoreEntry> ReceiptsAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var receipt in AllReceiptsAsync(store, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoreEntry(Numbered(receipt.Id), $"receipt {receipt.Id}", Fingerprint(receipt));
        }
    }

    public static async IAsyncEnumerable<Receipt> AllReceiptsAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await store.ListReceiptsAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var receipt in page)
            {
                yield return receipt;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public static async IAsyncEnumerable<StoreEntry> ReviewItemsAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in AllReviewItemsAsync(store, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoreEntry(Numbered(item.Id), $"review item {item.Id}", Fingerprint(item));
        }
    }

    public static async IAsyncEnumerable<ReviewItem> AllReviewItemsAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await store.ListAllReviewItemsAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                yield return item;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public static async IAsyncEnumerable<StoreEntry> AuditEntriesAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in AllAuditEntriesAsync(store, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoreEntry(Numbered(entry.Id), $"audit entry {entry.Id}", Fingerprint(entry));
        }
    }

    public static async IAsyncEnumerable<AuditEntry> AllAuditEntriesAsync(ICatalogStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await store.ListAuditEntriesAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    private static StoreEntry Named(string kind, string name, string fingerprint) => new(name, $"{kind} {name}", fingerprint);

    // Zero-padded, so the ordinal order of the keys is the numeric order of the ids.
    private static string Numbered(long id) => id.ToString("D20", CultureInfo.InvariantCulture);

    private static string Fingerprint(CatalogRepository repository)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(repository.Name).Add(repository.Created).Finish();
    }

    private static string Fingerprint(ImportProfile profile)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(profile.Name)
            .Add(profile.ValidationLevel.ToString())
            .AddAll(profile.FieldsToDelete)
            .Add(profile.CopyCancelledNumbers)
            .Add(profile.MatchOnOclcNumbers)
            .Add(profile.MergeMethod.ToString())
            .Add(profile.NoMatchAction.ToString())
            .AddAll(profile.ProtectedFields)
            .Add(profile.AllowLowerEncodingLevel)
            .Finish();
    }

    private static string Fingerprint(Account account)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(account.LogonId)
            .Add(account.Repository)
            .Add(account.ProfileName)
            .Add(account.Password.Hash)
            .Add(account.Password.Salt)
            .Add(account.Password.Iterations)
            .AddAll(account.AllowedAddresses)
            .Finish();
    }

    private static string Fingerprint(StaffUser user)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(user.Name)
            .Add(user.Role.ToString())
            .Add(user.Password.Hash)
            .Add(user.Password.Salt)
            .Add(user.Password.Iterations)
            .Add(user.Created)
            .Finish();
    }

    private static string Fingerprint(DataProtectionKey key)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(key.Name).Add(key.Xml).Add(key.Created).Finish();
    }

    private static string Fingerprint(StaffDocument document)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(document.Owner).Add(document.Kind).Add(document.Key).Add(document.Value).Add(document.Updated).Finish();
    }

    private static string Fingerprint(StoredRecord record, IReadOnlyList<RecordVersion> versions)
    {
        using var fingerprint = new StoreFingerprint();
        fingerprint.Add(record.Id.Value)
            .Add(record.Repository)
            .Add(record.Version)
            .Add(record.Created)
            .Add(record.Updated)
            .AddAll(record.OclcNumbers.Select(n => n.Value).Distinct().Order())
            .Add((long)versions.Count);
        foreach (var version in versions)
        {
            // The bytes themselves, not only the hash each store keeps of them.
            fingerprint.Add(version.Version)
                .Add(SHA256.HashData(version.Content.Span))
                .Add(version.ContentHash)
                .Add(version.At)
                .Add(version.Action.ToString())
                .Add(version.LogonId)
                .Add(version.UserId);
        }

        return fingerprint.Finish();
    }

    private static string Fingerprint(Receipt receipt)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(receipt.Id)
            .Add(receipt.At)
            .Add(receipt.PeerAddress)
            .Add(receipt.LogonId)
            .Add(receipt.UserId)
            .Add(receipt.Ok)
            .Add(receipt.Action)
            .Add(receipt.Code)
            .Add(receipt.Repository)
            .Add(receipt.RecordId?.Value)
            .Add(receipt.OclcNumber?.Value)
            .Add(receipt.Message)
            .Add(receipt.CorrelationId)
            .Finish();
    }

    private static string Fingerprint(AuditEntry entry)
    {
        using var fingerprint = new StoreFingerprint();
        return fingerprint.Add(entry.Id)
            .Add(entry.At)
            .Add(entry.Actor)
            .Add(AuditNames.Actor(entry.ActorKind))
            .Add(entry.Action)
            .Add(AuditNames.Subject(entry.SubjectKind))
            .Add(entry.SubjectName)
            .Add(entry.Detail)
            .Finish();
    }

    private static string Fingerprint(ReviewItem item)
    {
        using var fingerprint = new StoreFingerprint();
        fingerprint.Add(item.Id)
            .Add(item.Repository)
            .Add(item.Content.Span)
            .AddAll(item.CandidateIds.Select(c => c.Value))
            .Add(item.Reason)
            .Add(item.At)
            .Add(item.LogonId)
            .Add(item.UserId)
            .Add(item.PeerAddress)
            .Add(item.Resolution is not null);
        if (item.Resolution is { } resolution)
        {
            fingerprint.Add(resolution.Decision.ToString()).Add(resolution.ResolvedBy).Add(resolution.At).Add(resolution.RecordId?.Value);
        }

        return fingerprint.Finish();
    }
}
