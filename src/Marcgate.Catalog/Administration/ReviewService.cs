using Marcgate.Catalog.Import;
using Marcgate.Catalog.Matching;
using Marcgate.Catalog.Merging;
using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Administration;

/// <summary>
/// A cataloger's decisions on records kept for review (gateway §7 step 5, <c>code=multiple-matches</c>): overlay one of the
/// matched records, add the record as new, or discard it; the same for the command line and the console.
/// </summary>
/// <remarks>
/// A record is merged and indexed as the gateway pipeline would have done it had it matched that one record: by the
/// profile of the logon that sent it, keeping local fields and every earlier version.
/// </remarks>
public sealed class ReviewService
{
    private readonly ICatalogStore _store;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    /// <summary>Works on one catalog store for one actor, whose changes go to the audit log.</summary>
    public ReviewService(ICatalogStore store, AuditActor actor, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        _store = store;
        _audit = new AuditTrail(store, actor);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The item with the records it matched.</summary>
    public async Task<AdministrationResult<ReviewItemDetails>> ShowAsync(long itemId, CancellationToken cancellationToken)
    {
        var item = await _store.GetReviewItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return AdministrationResult<ReviewItemDetails>.From(NoItem(itemId));
        }

        var candidates = new List<StoredRecord>();
        foreach (var id in item.CandidateIds)
        {
            if (await _store.GetRecordAsync(item.Repository, id, cancellationToken).ConfigureAwait(false) is { } record)
            {
                candidates.Add(record);
            }
        }

        return AdministrationResult<ReviewItemDetails>.Done(new ReviewItemDetails(item, candidates));
    }

    /// <summary>Discards the item's record; nothing is stored, the item keeps who decided.</summary>
    public Task<AdministrationResult> DiscardAsync(long itemId, string by, CancellationToken cancellationToken) =>
        ResolveAsync(itemId, ReviewDecision.Discarded, null, by, cancellationToken);

    /// <summary>Adds the item's record as a new record, indexed under the OCLC numbers no other record holds.</summary>
    public Task<AdministrationResult> AddAsNewAsync(long itemId, string by, CancellationToken cancellationToken) =>
        ResolveAsync(itemId, ReviewDecision.AddedAsNew, null, by, cancellationToken);

    /// <summary>Merges the item's record into <paramref name="recordId"/>, one of the records it matched, as a new version.</summary>
    public Task<AdministrationResult> OverlayAsync(long itemId, RecordId recordId, string by, CancellationToken cancellationToken) =>
        ResolveAsync(itemId, ReviewDecision.Overlaid, recordId, by, cancellationToken);

    private async Task<AdministrationResult> ResolveAsync(long itemId, ReviewDecision decision, RecordId? target, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var item = await _store.GetReviewItemAsync(itemId, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return NoItem(itemId);
        }

        if (item.Resolution is { } done)
        {
            return AdministrationResult.Refused($"Review item {itemId} was already resolved by {done.ResolvedBy} at {done.At:yyyy-MM-dd HH:mm:ss}Z ({Describe(done)}).");
        }

        var resolution = new ReviewResolution(itemId, decision, by, _time.GetUtcNow()) { RecordId = target };
        if (decision == ReviewDecision.Discarded)
        {
            var discarded = await _store.ResolveReviewItemAsync(resolution, null, cancellationToken).ConfigureAwait(false);
            if (!discarded.Resolved)
            {
                return AdministrationResult.Refused($"Review item {itemId} was resolved meanwhile.");
            }

            await AuditAsync(item, $"discarded by {by}").ConfigureAwait(false);
            return AdministrationResult.Done($"Review item {itemId} discarded by {by}; nothing was stored.");
        }

        var prepared = await PrepareAsync(item, target, cancellationToken).ConfigureAwait(false);
        if (prepared.Failure is { } failure)
        {
            return failure;
        }

        var (content, numbers, indexed, withheld, existing) = prepared.Value;
        var commit = new RecordCommit(item.Repository, content, indexed, resolution.At, item.PeerAddress ?? LocalActor.PeerAddress)
        {
            ExistingId = existing?.Id,
            ExpectedVersion = existing?.Version ?? 0,
            PrimaryOclcNumber = numbers.Primary,
            LogonId = item.LogonId,
            UserId = item.UserId,
            Message = $"Review item {itemId} resolved by {by}.",
            CorrelationId = ImportCorrelation.NewId(),
        };
        var result = await _store.ResolveReviewItemAsync(resolution, commit, cancellationToken).ConfigureAwait(false);
        if (!result.Resolved)
        {
            return result.Commit is null
                ? AdministrationResult.Refused($"Review item {itemId} was resolved meanwhile.")
                : AdministrationResult.Refused(result.Commit.Status == CommitStatus.OclcNumberConflict
                    ? $"Record {result.Commit.RecordId?.ToString() ?? "another record"} now holds an OCLC number of this record; nothing was stored, look again."
                    : $"Record {existing?.Id} changed meanwhile; nothing was stored, look again.");
        }

        var note = withheld.Count == 0 ? string.Empty : $" OCLC numbers {string.Join(", ", withheld)} stay with the records that hold them.";
        var id = result.Commit!.RecordId;
        await AuditAsync(item, result.Commit.Status switch
        {
            CommitStatus.Added => $"added as record {id} by {by}",
            CommitStatus.Overlaid => $"overlaid record {id}, now version {result.Commit.Version}, by {by}",
            _ => $"record {id} already held it, by {by}",
        }).ConfigureAwait(false);
        return AdministrationResult.Done(result.Commit.Status switch
        {
            CommitStatus.Added => $"Review item {itemId} added as record {id} by {by}.{note}",
            CommitStatus.Overlaid => $"Review item {itemId} overlaid record {id} (now version {result.Commit.Version}) by {by}.{note}",
            _ => $"Review item {itemId} resolved by {by}: record {id} already held this (version {result.Commit.Version} unchanged).",
        });
    }

    private Task AuditAsync(ReviewItem item, string detail) =>
        _audit.RecordAsync(AuditActions.ReviewResolve, AuditSubjectKind.ReviewItem, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{item.Repository}: {detail}");

    // Gateway §7 step 5 for the one record chosen: merged by the sending logon's profile, indexed under the numbers
    // no other record holds (the index allows one record per number).
    private async Task<(AdministrationResult? Failure, (byte[] Content, RecordOclcNumbers Numbers, IReadOnlyCollection<OclcNumber> Indexed, IReadOnlyList<OclcNumber> Withheld, StoredRecord? Existing) Value)> PrepareAsync(
        ReviewItem item, RecordId? target, CancellationToken cancellationToken)
    {
        var incoming = Iso2709RecordParser.Parse(item.Content.Span, MarcReaderOptions.Default, 1, 0, []);
        if (incoming is null)
        {
            return (AdministrationResult.Refused($"Review item {item.Id}'s record does not read as ISO 2709; discard it."), default);
        }

        var rules = await RulesAsync(item, cancellationToken).ConfigureAwait(false);
        if (rules.Failure is { } failure)
        {
            return (failure, default);
        }

        StoredRecord? existing = null;
        var merged = incoming;
        if (target is { } id)
        {
            if (!item.CandidateIds.Contains(id))
            {
                return (AdministrationResult.Refused($"Record {id} is not one the item matched ({string.Join(", ", item.CandidateIds)})."), default);
            }

            existing = await _store.GetRecordAsync(item.Repository, id, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return (AdministrationResult.NotFound($"Repository {item.Repository} has no record {id} any more."), default);
            }

            var stored = Iso2709RecordParser.Parse(existing.Content.Span, MarcReaderOptions.Default, 1, 0, [])
                ?? throw new InvalidDataException($"Record {id} of {item.Repository} does not read back as ISO 2709.");
            var outcome = RecordMerger.Merge(incoming, stored, rules.Value!);
            if (outcome.Record is null)
            {
                return (AdministrationResult.Refused($"{outcome.Refusal} (record {id})"), default);
            }

            merged = outcome.Record;
        }

        byte[] content;
        try
        {
            content = Iso2709Writer.Write(merged);
        }
        catch (MarcFormatException exception)
        {
            return (AdministrationResult.Refused($"The record cannot be stored as ISO 2709: {exception.Message}"), default);
        }

        var numbers = RecordOclcNumbers.From(merged);
        var indexed = new List<OclcNumber>();
        var withheld = new List<OclcNumber>();
        if (rules.Value!.Profile.MatchOnOclcNumbers)
        {
            var all = numbers.All.Distinct().ToList();
            var held = (await _store.FindByOclcNumbersAsync(item.Repository, all, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Id != target).SelectMany(r => r.OclcNumbers).ToHashSet();
            indexed.AddRange(all.Where(n => !held.Contains(n)));
            withheld.AddRange(all.Where(held.Contains));
        }

        return (null, (content, numbers, indexed, withheld, existing));
    }

    private async Task<(AdministrationResult? Failure, ProfileRules? Value)> RulesAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        var account = item.LogonId is null ? null : await _store.FindAccountAsync(item.LogonId, cancellationToken).ConfigureAwait(false);
        var name = account?.ProfileName ?? ImportOptions.DefaultProfileName;
        var profile = await _store.GetProfileAsync(name, cancellationToken).ConfigureAwait(false)
            ?? (name == ImportOptions.DefaultProfileName ? new ImportProfile(name) : null);
        if (profile is null)
        {
            return (AdministrationResult.Refused($"Import profile '{name}' of logon ID {item.LogonId} does not exist; nothing was stored."), null);
        }

        var rules = ProfileRules.Create(profile, out var errors);
        return errors.Count > 0 ? (AdministrationResult.Refused(string.Join(" ", errors)), null) : (null, rules);
    }

    private static string Describe(ReviewResolution resolution) => resolution.Decision switch
    {
        ReviewDecision.Overlaid => $"overlaid record {resolution.RecordId}",
        ReviewDecision.AddedAsNew => $"added as record {resolution.RecordId}",
        _ => "discarded",
    };

    private static AdministrationResult NoItem(long itemId) =>
        AdministrationResult.NotFound($"There is no review item {itemId}; 'marcgate review list' shows them.");
}
