using Marcgate.Catalog.Import;
using Marcgate.Catalog.Matching;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Administration;

/// <summary>A record's kept versions (gateway §7 step 6): bring an earlier one back as a new version, or compare two; the same for the command line and the console.</summary>
public sealed class RecordHistoryService
{
    private readonly ICatalogStore _store;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    /// <summary>Works on one catalog store for one actor, whose changes go to the audit log.</summary>
    public RecordHistoryService(ICatalogStore store, AuditActor actor, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        _store = store;
        _audit = new AuditTrail(store, actor);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Stores a new version of the record equal to version <paramref name="version"/>; every version stays. The value is the version created (or the current one when it already is equal).</summary>
    /// <param name="repository">The repository holding the record.</param>
    /// <param name="id">The record.</param>
    /// <param name="version">The version to bring back.</param>
    /// <param name="by">Who asked, kept as the new version's user and in its receipt.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<AdministrationResult<int>> RevertAsync(string repository, RecordId id, int version, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var history = await _store.GetHistoryAsync(repository, id, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return Fail(AdministrationResult.NotFound($"Repository {repository} has no record {id}."));
        }

        var target = history.FirstOrDefault(v => v.Version == version);
        if (target is null)
        {
            return Fail(AdministrationResult.NotFound($"Record {id} has versions 1 to {history[^1].Version}, not {version}."));
        }

        var current = await _store.GetRecordAsync(repository, id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Fail(AdministrationResult.NotFound($"Repository {repository} has no record {id}."));
        }

        if (current.ContentHash == target.ContentHash)
        {
            return AdministrationResult<int>.Done(current.Version, $"Record {id} is at version {current.Version}, which already equals version {version}; no version was created.");
        }

        var record = Read(target.Content, id, version);
        var numbers = RecordOclcNumbers.From(record);

        // A record stored without its numbers indexed (its profile does not match on them) stays so: indexing them now
        // could clash with copies the profile added on purpose.
        var unindexed = current.OclcNumbers.Count == 0 && RecordOclcNumbers.From(Read(current.Content, id, current.Version)).All.Any();
        var commit = new RecordCommit(repository, target.Content, unindexed ? [] : [.. numbers.All], _time.GetUtcNow(), LocalActor.PeerAddress)
        {
            ExistingId = id,
            ExpectedVersion = current.Version,
            PrimaryOclcNumber = numbers.Primary,
            UserId = by,
            Message = $"Record {id} reverted to version {version} by {by}.",
            CorrelationId = ImportCorrelation.NewId(),
        };
        var result = await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        if (result.Status == CommitStatus.Overlaid)
        {
            await _audit.RecordAsync(AuditActions.RecordRevert, AuditSubjectKind.Record, $"{repository}/{id}", $"version {result.Version} equals version {version}, by {by}").ConfigureAwait(false);
        }

        return result.Status switch
        {
            CommitStatus.Overlaid => AdministrationResult<int>.Done(result.Version, $"Created version {result.Version} of record {id}, equal to version {version}."),
            CommitStatus.Unchanged => AdministrationResult<int>.Done(result.Version, $"Record {id} is at version {result.Version}, which already equals version {version}; no version was created."),
            CommitStatus.OclcNumberConflict => Fail(AdministrationResult.Refused(
                $"Version {version} of record {id} carries an OCLC number that record {result.RecordId?.ToString() ?? "another record"} now holds; nothing was changed.")),
            _ => Fail(AdministrationResult.Refused($"Record {id} changed meanwhile (it is no longer at version {current.Version}); nothing was changed, try again.")),
        };
    }

    /// <summary>Compares two versions of a record field by field.</summary>
    public async Task<AdministrationResult<IReadOnlyList<RecordDiffLine>>> DiffAsync(string repository, RecordId id, int from, int to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var history = await _store.GetHistoryAsync(repository, id, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return AdministrationResult<IReadOnlyList<RecordDiffLine>>.From(AdministrationResult.NotFound($"Repository {repository} has no record {id}."));
        }

        var first = history.FirstOrDefault(v => v.Version == from);
        var second = history.FirstOrDefault(v => v.Version == to);
        if (first is null || second is null)
        {
            return AdministrationResult<IReadOnlyList<RecordDiffLine>>.From(
                AdministrationResult.NotFound($"Record {id} has versions 1 to {history[^1].Version}, not {(first is null ? from : to)}."));
        }

        return AdministrationResult<IReadOnlyList<RecordDiffLine>>.Done(RecordDiff.Compare(Read(first.Content, id, from), Read(second.Content, id, to)));
    }

    private static MarcRecord Read(ReadOnlyMemory<byte> content, RecordId id, int version) =>
        Iso2709RecordParser.Parse(content.Span, MarcReaderOptions.Default, 1, 0, [])
            ?? throw new InvalidDataException($"Version {version} of record {id} does not read back as ISO 2709.");

    private static AdministrationResult<int> Fail(AdministrationResult failure) => AdministrationResult<int>.From(failure);
}
