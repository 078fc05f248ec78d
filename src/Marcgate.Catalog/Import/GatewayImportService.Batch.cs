using Marcgate.Catalog.Matching;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Import;

/// <summary>
/// Gateway §7 steps 2–9 for many records of one file at once: the checks run in parallel, the match is one look-up for
/// the whole batch, and the records it finds new are added in one store transaction; the rest go one by one, as
/// <see cref="ImportAsync(string, string, ImportRequest, CancellationToken)"/> imports them.
/// </summary>
public sealed partial class GatewayImportService
{
    // How many records of a batch go through the one-by-one pipeline at once: enough for the store's group-commit
    // writer to commit them in batches (bench/results/import.md).
    private const int OneByOneConcurrency = 64;

    /// <summary>
    /// Decodes, normalises and validates records bound for <paramref name="repository"/> under the import profile
    /// <paramref name="profileName"/> (gateway §7 steps 2–4), in parallel; nothing is stored yet.
    /// </summary>
    /// <remarks>
    /// A batch may be prepared while the one before it is imported: these steps read no records from the store.
    /// As with <see cref="ImportAsync(string, string, ImportRequest, CancellationToken)"/>, logon IDs and passwords are not checked.
    /// </remarks>
    public async Task<ImportBatch> PrepareBatchAsync(string repository, string profileName, IReadOnlyList<ImportRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(profileName);
        ArgumentNullException.ThrowIfNull(requests);
        var at = _time.GetUtcNow();
        var (cached, _) = await ResolveAsync(null, repository, profileName, cancellationToken).ConfigureAwait(false);
        if (cached is null)
        {
            return new ImportBatch(repository, profileName, null, requests, []);
        }

        var records = new PreparedImport[requests.Count];
        Parallel.For(
            0,
            requests.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            i => records[i] = Prepare(requests[i], repository, cached, at));
        return new ImportBatch(repository, profileName, cached, requests, records);
    }

    /// <summary>
    /// Matches, merges and commits a prepared batch (gateway §7 steps 5–9) with the outcomes one-by-one import gives: records
    /// sharing an OCLC number (or, without one, the same bytes) are imported in the batch's order, each seeing what the one
    /// before it stored. Every outcome gets its receipt.
    /// </summary>
    /// <remarks>The batch must be imported after every batch before it in the file has been.</remarks>
    public async Task<IReadOnlyList<ImportOutcome>> ImportBatchAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Profile is not { } cached)
        {
            // The repository or the profile cannot be used: each record is refused with its own receipt, as alone.
            var refused = new ImportOutcome[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                refused[i] = await ImportAsync(batch.Repository, batch.ProfileName, batch.Requests[i], cancellationToken).ConfigureAwait(false);
            }

            return refused;
        }

        var records = batch.Records;
        var profile = cached.Profile;
        var first = FirstWithTheirKeys(records);
        var matched = await MatchAllAsync(batch.Repository, records, first, profile.MatchOnOclcNumbers, cancellationToken).ConfigureAwait(false);

        // New records (nothing matched, no record before them shares a key) are added together in one transaction.
        var outcomes = new Task<ImportOutcome>?[records.Length];
        var adds = new List<int>();
        for (var i = 0; i < records.Length; i++)
        {
            if (first[i] && matched is not null && matched[i].Count == 0 && profile.NoMatchAction == NoMatchAction.Add
                && records[i] is { Record: not null, Content: not null, Numbers: { } numbers }
                && (numbers.All.Any() || !profile.MatchOnOclcNumbers))
            {
                adds.Add(i);
            }
        }

        await AddNewAsync(records, adds, outcomes, cancellationToken).ConfigureAwait(false);

        // The rest one by one, in the batch's order wherever keys are shared; the others side by side.
        using var gate = new SemaphoreSlim(OneByOneConcurrency);
        var lastByKey = new Dictionary<string, Task<ImportOutcome>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            if (outcomes[i] is not null)
            {
                continue;
            }

            var record = records[i];
            var before = record.Keys.Select(k => lastByKey.GetValueOrDefault(k)).OfType<Task<ImportOutcome>>().Distinct().ToArray();
            var outcome = ImportAfterAsync(before, gate, batch, record, first[i] ? matched?[i] : null, cancellationToken);
            foreach (var key in record.Keys)
            {
                lastByKey[key] = outcome;
            }

            outcomes[i] = outcome;
        }

        return await Task.WhenAll(outcomes!).ConfigureAwait(false);
    }

    private PreparedImport Prepare(ImportRequest request, string repository, CachedProfile cached, DateTimeOffset at)
    {
        var context = new ImportContext(request, at) { Repository = repository, Rules = cached.Rules };
        try
        {
            var (record, refusal) = Check(context, cached.Profile);
            if (record is null)
            {
                return new PreparedImport(context) { RefusalCode = refusal.Code, RefusalMessage = refusal.Message };
            }

            var numbers = RecordOclcNumbers.From(record);
            var content = TryWrite(record, out var written, out _) ? written : null;
            string[] keys = !cached.Profile.MatchOnOclcNumbers ? []
                : numbers.All.Any() ? [.. numbers.All.Select(n => "oclc:" + n.ToString()).Distinct(StringComparer.Ordinal)]
                : content is not null ? ["content:" + RecordContentHash.Compute(content)]
                : [];
            return new PreparedImport(context) { Record = record, Numbers = numbers, Content = content, Keys = keys };
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A bug or a record no step was ready for: the one-by-one pipeline runs it again and reports the failure.
            return new PreparedImport(new ImportContext(request, at)) { Faulted = true };
        }
    }

    /// <summary>For each record, whether no record before it in the batch shares one of its keys: only then is the batch's match its own.</summary>
    private static bool[] FirstWithTheirKeys(PreparedImport[] records)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = new bool[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            first[i] = records[i].Record is not null && records[i].Keys.All(k => !seen.Contains(k));
            foreach (var key in records[i].Keys)
            {
                seen.Add(key);
            }
        }

        return first;
    }

    /// <summary>
    /// Gateway §7 step 5 as one look-up: for each record first with its keys, the stored records carrying any of its OCLC
    /// numbers, ordered by id; null when the look-up failed (every record is then matched on its own).
    /// </summary>
    private async Task<IReadOnlyList<StoredRecord>[]?> MatchAllAsync(
        string repository, PreparedImport[] records, bool[] first, bool matchOnOclcNumbers, CancellationToken cancellationToken)
    {
        var matched = new IReadOnlyList<StoredRecord>[records.Length];
        Array.Fill(matched, []);
        if (!matchOnOclcNumbers)
        {
            return matched;
        }

        var numbers = records.Where((r, i) => first[i]).SelectMany(r => r.Numbers!.All).Distinct().ToList();
        IReadOnlyList<StoredRecord> held;
        try
        {
            held = numbers.Count == 0 ? [] : await _store.FindByOclcNumbersAsync(repository, numbers, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogStoreException)
        {
            return null;
        }

        var byNumber = new Dictionary<OclcNumber, List<StoredRecord>>();
        foreach (var record in held)
        {
            foreach (var number in record.OclcNumbers)
            {
                if (!byNumber.TryGetValue(number, out var holders))
                {
                    byNumber[number] = holders = [];
                }

                holders.Add(record);
            }
        }

        for (var i = 0; i < records.Length; i++)
        {
            if (first[i] && byNumber.Count > 0)
            {
                matched[i] = [.. records[i].Numbers!.All
                    .SelectMany(n => byNumber.GetValueOrDefault(n) ?? [])
                    .DistinctBy(r => r.Id)
                    .OrderBy(r => r.Id.Value)];
            }
        }

        return matched;
    }

    /// <summary>Adds the new records in one store transaction and sets their outcomes; when the store refuses (another writer took a number meanwhile) or fails, they are left to the one-by-one path.</summary>
    private async Task AddNewAsync(PreparedImport[] records, List<int> adds, Task<ImportOutcome>?[] outcomes, CancellationToken cancellationToken)
    {
        if (adds.Count == 0)
        {
            return;
        }

        var commits = adds.Select(i => CommitFor(records[i].Context, records[i].Content!, records[i].Numbers!, records[i].Numbers!, null, matchOnContent: false)).ToList();
        IReadOnlyList<CommitResult>? results;
        try
        {
            results = await _store.AddRecordsAsync(commits, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogStoreException)
        {
            // Whether the transaction was kept is unknown: matched again one by one, a kept record is found unchanged.
            return;
        }

        if (results is null)
        {
            return;
        }

        for (var j = 0; j < adds.Count; j++)
        {
            var context = records[adds[j]].Context;
            context.OclcNumber = records[adds[j]].Numbers!.Primary;
            context.Warnings.AddRange(records[adds[j]].Numbers!.Warnings);
            outcomes[adds[j]] = Task.FromResult(Succeeded(context, commits[j], results[j]));
        }
    }

    private async Task<ImportOutcome> ImportAfterAsync(
        Task<ImportOutcome>[] before, SemaphoreSlim gate, ImportBatch batch, PreparedImport record, IReadOnlyList<StoredRecord>? matched, CancellationToken cancellationToken)
    {
        foreach (var earlier in before)
        {
            // Only its completion matters here; its outcome (or failure) is reported in its own turn.
            await Task.WhenAny(earlier).ConfigureAwait(false);
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var context = record.Context;
            if (record.Faulted)
            {
                return await RunAsync(context, c => ImportIntoAsync(c, batch.Repository, batch.ProfileName, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            if (record.Record is not { } checkedRecord)
            {
                return await RunAsync(context, c => FailAsync(c, record.RefusalCode!, record.RefusalMessage!, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            return await RunAsync(context, c => MatchMergeCommitAsync(c, checkedRecord, record.Numbers!, matched, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
