using System.Diagnostics.CodeAnalysis;
using Marcgate.Catalog.Matching;
using Marcgate.Catalog.Merging;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Import;

/// <summary>Gateway §7 steps 5–9: match on OCLC numbers, merge, commit durably with the receipt; retried when a concurrent import wins a race.</summary>
public sealed partial class GatewayImportService
{
    /// <param name="context">The request, its repository and rules.</param>
    /// <param name="incoming">The record decoded, normalised and valid.</param>
    /// <param name="numbers">The record's OCLC numbers.</param>
    /// <param name="matched">
    /// The records a batch's match found carrying the record's numbers, when no record before it in the batch shares one;
    /// used for the first attempt only. A commit against one of them that moved on since conflicts, and the next attempt matches afresh.
    /// </param>
    /// <param name="cancellationToken">Cancels the import.</param>
    private async Task<ImportOutcome> MatchMergeCommitAsync(
        ImportContext context, MarcRecord incoming, RecordOclcNumbers numbers, IReadOnlyList<StoredRecord>? matched, CancellationToken cancellationToken)
    {
        var rules = context.Rules!;
        var repository = context.Repository!;
        context.Warnings.AddRange(numbers.Warnings);
        context.OclcNumber = numbers.Primary;
        var matchOn = rules.Profile.MatchOnOclcNumbers ? numbers.All.ToList() : [];

        // §7 step 7: a record without an OCLC number is recognised again only by its content, the bytes the
        // store would keep; a profile that does not match stores every record apart, so it skips this too.
        var byContent = rules.Profile.MatchOnOclcNumbers && matchOn.Count == 0;
        byte[]? incomingContent = null;
        if (byContent && !TryWrite(incoming, out incomingContent, out var unwritable))
        {
            return await FailAsync(context, GatewayReplyCodes.InvalidRecord, unwritable, cancellationToken).ConfigureAwait(false);
        }

        var contentHash = incomingContent is null ? null : RecordContentHash.Compute(incomingContent);
        using var held = contentHash is null
            ? await _locks.AcquireAsync(repository, numbers.All, cancellationToken).ConfigureAwait(false)
            : await _locks.AcquireAsync(repository, contentHash, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= Math.Max(1, _options.MaxCommitAttempts); attempt++)
        {
            var candidates = matchOn.Count == 0
                ? []
                : attempt == 1 && matched is not null
                    ? matched
                    : await _store.FindByOclcNumbersAsync(repository, matchOn, cancellationToken).ConfigureAwait(false);

            if (candidates.Count > 1)
            {
                return await KeepForReviewAsync(context, incoming, candidates, cancellationToken).ConfigureAwait(false);
            }

            MarcRecord merged;
            StoredRecord? existing = null;
            var twin = contentHash is null
                ? null
                : (await _store.FindByContentHashAsync(repository, contentHash, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (twin is not null)
            {
                // Identical bytes: committed against the twin's current version, the store answers unchanged and keeps only
                // the receipt. Copies added before content matching existed all hold these bytes; the oldest stands for them.
                existing = twin;
                merged = incoming;
            }
            else if (candidates.Count == 0)
            {
                if (rules.Profile.NoMatchAction == NoMatchAction.Reject)
                {
                    var what = numbers.Primary is { } primary ? $"OCLC {primary}" : "a record without an OCLC number";
                    return await FailAsync(context, GatewayReplyCodes.NoMatch, $"No match--{what} matches no record in {repository}, and this logon's profile only overlays existing records.", cancellationToken).ConfigureAwait(false);
                }

                merged = incoming;
            }
            else
            {
                existing = candidates[0];
                var stored = ReadStored(existing);
                var outcome = RecordMerger.Merge(incoming, stored, rules);
                if (outcome.Record is null)
                {
                    context.Warnings.Insert(0, $"Matched record {existing.Id}.");
                    return await FailAsync(context, GatewayReplyCodes.LowerEncodingLevel, $"{outcome.Refusal} (record {existing.Id})", cancellationToken).ConfigureAwait(false);
                }

                merged = outcome.Record;
            }

            var content = incomingContent;
            if (content is null && !TryWrite(merged, out content, out var reason))
            {
                return await FailAsync(context, GatewayReplyCodes.InvalidRecord, reason, cancellationToken).ConfigureAwait(false);
            }

            // An added or identical record is the incoming one: its numbers are already known.
            var index = ReferenceEquals(merged, incoming) ? numbers : RecordOclcNumbers.From(merged);
            var commit = CommitFor(context, content, index, numbers, existing, contentHash is not null);
            var result = await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return Succeeded(context, commit, result);
            }

            // VersionConflict, OclcNumberConflict or ContentConflict: another request committed first; match again (§7 steps 5 and 7).
        }

        return await FailAsync(context, GatewayReplyCodes.ServerError, $"Server error--the record kept colliding with concurrent imports of the same OCLC number in {repository} ({_options.MaxCommitAttempts} attempts); nothing was stored, send it again.", cancellationToken).ConfigureAwait(false);
    }

    private static ImportOutcome Succeeded(ImportContext context, RecordCommit commit, CommitResult result)
    {
        var action = result.Status switch
        {
            CommitStatus.Added => GatewayReplyCodes.Added,
            CommitStatus.Overlaid => GatewayReplyCodes.Overlaid,
            _ => GatewayReplyCodes.Unchanged,
        };
        return new ImportOutcome(true, action, null, SuccessSentence(result.RecordId!.Value, action, commit.Repository, commit.PrimaryOclcNumber))
        {
            Repository = commit.Repository,
            RecordId = result.RecordId!.Value.ToString(),
            OclcNumber = commit.PrimaryOclcNumber?.ToString(),
            Warnings = context.Warnings,
            CorrelationId = context.CorrelationId,
        };
    }

    /// <summary>What the store is asked to commit for a record: its bytes, the numbers it is indexed under, and its receipt's details.</summary>
    private static RecordCommit CommitFor(ImportContext context, byte[] content, RecordOclcNumbers index, RecordOclcNumbers numbers, StoredRecord? existing, bool matchOnContent)
    {
        var repository = context.Repository!;
        // The index is what matching reads, and its uniqueness is what forbids two records per number; a profile
        // that does not match stores every record apart, so it indexes none (it could never add the second copy).
        IReadOnlyCollection<OclcNumber> indexed = context.Rules!.Profile.MatchOnOclcNumbers ? index.All.ToList() : [];
        return new RecordCommit(repository, content, indexed, context.At, context.Request.PeerAddress)
        {
            ExistingId = existing?.Id,
            ExpectedVersion = existing?.Version ?? 0,
            MatchOnContent = matchOnContent,
            PrimaryOclcNumber = index.Primary ?? numbers.Primary,
            LogonId = context.Request.LogonId,
            UserId = context.Request.UserId,
            CorrelationId = context.CorrelationId,
            Message = $"The record has been processed successfully ({repository}).",
        };
    }

    private async Task<ImportOutcome> KeepForReviewAsync(ImportContext context, MarcRecord incoming, IReadOnlyList<StoredRecord> candidates, CancellationToken cancellationToken)
    {
        var ids = string.Join(", ", candidates.Select(c => c.Id.ToString()));
        var reason = $"Multiple matches--the record matches {candidates.Count} records in {context.Repository} ({ids}); kept for review, nothing was overlaid.";
        var item = new ReviewItem(context.Repository!, Iso2709Writer.Write(incoming), [.. candidates.Select(c => c.Id)], reason, context.At)
        {
            LogonId = context.Request.LogonId,
            UserId = context.Request.UserId,
            PeerAddress = context.Request.PeerAddress,
        };
        await _store.AddReviewItemAsync(item, cancellationToken).ConfigureAwait(false);
        return await FailAsync(context, GatewayReplyCodes.MultipleMatches, reason, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryWrite(MarcRecord record, [NotNullWhen(true)] out byte[]? content, [NotNullWhen(false)] out string? reason)
    {
        try
        {
            content = Iso2709Writer.Write(record);
            reason = null;
            return true;
        }
        catch (MarcFormatException exception)
        {
            content = null;
            reason = $"The record cannot be stored as ISO 2709: {exception.Message}";
            return false;
        }
    }

    private static MarcRecord ReadStored(StoredRecord stored)
    {
        var diagnostics = new List<MarcDiagnostic>();
        return Iso2709RecordParser.Parse(stored.Content.Span, MarcReaderOptions.Default, 1, 0, diagnostics)
            ?? throw new InvalidDataException($"Stored record {stored.Id} version {stored.Version} in {stored.Repository} is not readable ISO 2709: {string.Join("; ", diagnostics)}");
    }

    private static string SuccessSentence(RecordId id, string action, string repository, OclcNumber? oclc)
    {
        var verb = action switch
        {
            GatewayReplyCodes.Added => "was added to",
            GatewayReplyCodes.Overlaid => "was overlaid in",
            _ => "is unchanged in",
        };
        return oclc is { } number ? $"Record {id} {verb} {repository} (OCLC {number})." : $"Record {id} {verb} {repository}.";
    }
}
