using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>
/// Copies a whole catalog store into another (repositories, profiles, accounts with their password hashes, records with
/// their ids and every version, receipts, review items, the audit log, staff users with their password hashes, the web
/// console's key ring, staff documents, lockouts in force and the addresses logon IDs are known from), then compares the two item by item.
/// </summary>
/// <remarks>
/// The copy is idempotent: what the target already holds identically is skipped, so running it again after an
/// interruption completes it. A target holding anything the source does not, or holding it differently, is refused
/// before anything is written. The source should not change meanwhile (stop the hosts that write to it). Failed-logon
/// counters and lockouts that have ended are not copied.
/// </remarks>
public sealed class StoreCopy
{
    private const int MaxDifferencesShown = 10;

    private readonly ICatalogStore _source;
    private readonly ICatalogStore _target;
    private readonly TimeProvider _time;

    /// <summary>Copies from <paramref name="source"/> into <paramref name="target"/>; <paramref name="time"/> says which lockouts are still in force.</summary>
    public StoreCopy(ICatalogStore source, ICatalogStore target, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        _source = source;
        _target = target;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Checks the target holds nothing that conflicts, copies what it lacks, and verifies the result.</summary>
    /// <exception cref="CatalogStoreException">Either store failed.</exception>
    public async Task<StoreCopyReport> CopyAsync(CancellationToken cancellationToken)
    {
        var before = await CompareAsync(cancellationToken).ConfigureAwait(false);
        var conflicts = before.SelectMany(s => s.Conflicts).ToList();
        if (conflicts.Count > 0)
        {
            return new StoreCopyReport(StoreCopyOutcome.Refused, Counts(before), [.. conflicts.Take(MaxDifferencesShown)]);
        }

        await CopyCatalogAsync(cancellationToken).ConfigureAwait(false);
        return await VerifyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares the two stores item by item without writing.</summary>
    /// <exception cref="CatalogStoreException">Either store failed.</exception>
    public async Task<StoreCopyReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var sections = await CompareAsync(cancellationToken).ConfigureAwait(false);
        var differences = sections.SelectMany(s => s.Conflicts.Concat(s.Missing)).Take(MaxDifferencesShown).ToList();
        return new StoreCopyReport(differences.Count == 0 ? StoreCopyOutcome.Verified : StoreCopyOutcome.Differs, Counts(sections), differences);
    }

    private async Task CopyCatalogAsync(CancellationToken cancellationToken)
    {
        var targetRepositories = (await _target.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var repositories = await _source.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var repository in repositories.Where(r => !targetRepositories.Contains(r.Name)))
        {
            await _target.AddRepositoryAsync(repository.Name, repository.Created, cancellationToken).ConfigureAwait(false);
        }

        // Saving replaces, and the check before the copy found any profile or account the target holds identical.
        foreach (var profile in await _source.ListProfilesAsync(cancellationToken).ConfigureAwait(false))
        {
            await _target.SaveProfileAsync(profile, cancellationToken).ConfigureAwait(false);
        }

        foreach (var account in await _source.ListAccountsAsync(cancellationToken).ConfigureAwait(false))
        {
            await _target.SaveAccountAsync(account, cancellationToken).ConfigureAwait(false);
        }

        foreach (var repository in repositories)
        {
            await foreach (var (record, versions) in StoreContents.RecordHistoriesAsync(_source, repository.Name, cancellationToken).ConfigureAwait(false))
            {
                await _target.ImportRecordHistoryAsync(record, versions, cancellationToken).ConfigureAwait(false);
            }
        }

        await foreach (var receipt in StoreContents.AllReceiptsAsync(_source, cancellationToken).ConfigureAwait(false))
        {
            await _target.ImportReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
        }

        await foreach (var item in StoreContents.AllReviewItemsAsync(_source, cancellationToken).ConfigureAwait(false))
        {
            await _target.ImportReviewItemAsync(item, cancellationToken).ConfigureAwait(false);
        }

        await foreach (var entry in StoreContents.AllAuditEntriesAsync(_source, cancellationToken).ConfigureAwait(false))
        {
            await _target.ImportAuditEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        await CopyStaffAsync(cancellationToken).ConfigureAwait(false);
        await CopyLockoutAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Staff users with their password hashes, the key ring that signs their cookies, and what they keep in the catalog.</summary>
    private async Task CopyStaffAsync(CancellationToken cancellationToken)
    {
        // Adding writes only what is missing; the check before the copy found what the target holds identical.
        foreach (var user in await _source.ListStaffUsersAsync(cancellationToken).ConfigureAwait(false))
        {
            await _target.AddStaffUserAsync(user, cancellationToken).ConfigureAwait(false);
        }

        // Oldest first, as the key ring was written: the target lists them in the same order.
        foreach (var key in await _source.ListDataProtectionKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            await _target.AddDataProtectionKeyAsync(key, cancellationToken).ConfigureAwait(false);
        }

        foreach (var document in await _source.ListAllStaffDocumentsAsync(cancellationToken).ConfigureAwait(false))
        {
            await _target.AddStaffDocumentAsync(document, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Lockouts still in force, so a copy does not let a locked-out logon in, and the addresses logon IDs are known from.</summary>
    private async Task CopyLockoutAsync(CancellationToken cancellationToken)
    {
        foreach (var logonLock in await _source.ListLogonLocksAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            await _target.LockLogonAsync(logonLock.Key, logonLock.Until, cancellationToken).ConfigureAwait(false);
        }

        foreach (var known in await _source.ListKnownAddressesAsync(cancellationToken).ConfigureAwait(false))
        {
            await _target.RecordLogonSuccessAsync(known.LogonId, known.PeerAddress, known.At, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<Section>> CompareAsync(CancellationToken cancellationToken)
    {
        var sections = new List<Section>
        {
            await CompareAsync("repositories", StoreContents.RepositoriesAsync, cancellationToken).ConfigureAwait(false),
            await CompareAsync("profiles", StoreContents.ProfilesAsync, cancellationToken).ConfigureAwait(false),
            await CompareAsync("accounts", StoreContents.AccountsAsync, cancellationToken).ConfigureAwait(false),
        };
        var names = (await _source.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false))
            .Concat(await _target.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false))
            .Select(r => r.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            sections.Add(await CompareAsync($"records {name}", (store, token) => StoreContents.RecordsAsync(store, name, token), cancellationToken).ConfigureAwait(false));
        }

        sections.Add(await CompareAsync("receipts", StoreContents.ReceiptsAsync, cancellationToken).ConfigureAwait(false));
        sections.Add(await CompareAsync("review items", StoreContents.ReviewItemsAsync, cancellationToken).ConfigureAwait(false));
        sections.Add(await CompareAsync("audit entries", StoreContents.AuditEntriesAsync, cancellationToken).ConfigureAwait(false));
        sections.Add(await CompareAsync("staff users", StoreContents.StaffUsersAsync, cancellationToken).ConfigureAwait(false));
        sections.Add(await CompareAsync("data protection keys", StoreContents.DataProtectionKeysAsync, cancellationToken).ConfigureAwait(false));
        sections.Add(await CompareAsync("staff documents", StoreContents.StaffDocumentsAsync, cancellationToken).ConfigureAwait(false));
        var now = _time.GetUtcNow();
        sections.Add(await CompareAsync("logon locks", (store, token) => StoreContents.LogonLocksAsync(store, now, token), cancellationToken).ConfigureAwait(false));
        sections.Add(await CompareAsync("known addresses", StoreContents.KnownAddressesAsync, cancellationToken).ConfigureAwait(false));
        return sections;
    }

    /// <summary>Walks both stores' items of one kind in order, side by side.</summary>
    private async Task<Section> CompareAsync(string what, Func<ICatalogStore, CancellationToken, IAsyncEnumerable<StoreEntry>> read, CancellationToken cancellationToken)
    {
        var section = new Section(what);
        var source = read(_source, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var target = read(_target, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (source.ConfigureAwait(false))
        await using (target.ConfigureAwait(false))
        {
            var hasSource = await source.MoveNextAsync().ConfigureAwait(false);
            var hasTarget = await target.MoveNextAsync().ConfigureAwait(false);
            while (hasSource || hasTarget)
            {
                var order = !hasSource ? 1 : !hasTarget ? -1 : string.CompareOrdinal(source.Current.SortKey, target.Current.SortKey);
                if (order <= 0)
                {
                    section.Source(source.Current);
                }

                if (order >= 0)
                {
                    section.Target(target.Current);
                }

                if (order < 0)
                {
                    section.AddMissing($"{source.Current.Label} is not in the target");
                }
                else if (order > 0)
                {
                    section.AddConflict($"{target.Current.Label} is in the target but not in the source");
                }
                else if (!string.Equals(source.Current.Fingerprint, target.Current.Fingerprint, StringComparison.Ordinal))
                {
                    section.AddConflict($"{target.Current.Label} differs between the source and the target");
                }

                if (order <= 0)
                {
                    hasSource = await source.MoveNextAsync().ConfigureAwait(false);
                }

                if (order >= 0)
                {
                    hasTarget = await target.MoveNextAsync().ConfigureAwait(false);
                }
            }
        }

        return section;
    }

    private static List<StoreCopyCount> Counts(IEnumerable<Section> sections)
    {
        var counts = new List<StoreCopyCount>();
        foreach (var section in sections)
        {
            counts.Add(new StoreCopyCount(section.What, section.SourceCount, section.TargetCount));
            if (section.What.StartsWith("records ", StringComparison.Ordinal))
            {
                counts.Add(new StoreCopyCount("versions " + section.What["records ".Length..], section.SourceVersions, section.TargetVersions));
            }
        }

        return counts;
    }

    /// <summary>What comparing one kind of item found.</summary>
    private sealed class Section(string what)
    {
        public string What { get; } = what;

        public long SourceCount { get; private set; }

        public long TargetCount { get; private set; }

        public long SourceVersions { get; private set; }

        public long TargetVersions { get; private set; }

        /// <summary>The first items the target lacks: what a copy writes.</summary>
        public List<string> Missing { get; } = [];

        /// <summary>The first items the target holds differently or the source does not hold: what refuses a copy.</summary>
        public List<string> Conflicts { get; } = [];

        public void AddMissing(string difference)
        {
            if (Missing.Count < MaxDifferencesShown)
            {
                Missing.Add(difference);
            }
        }

        public void AddConflict(string difference)
        {
            if (Conflicts.Count < MaxDifferencesShown)
            {
                Conflicts.Add(difference);
            }
        }

        public void Source(StoreEntry entry)
        {
            SourceCount++;
            SourceVersions += entry.Versions;
        }

        public void Target(StoreEntry entry)
        {
            TargetCount++;
            TargetVersions += entry.Versions;
        }
    }
}
