using System.Globalization;
using System.Text.Json;
using Marcgate.Catalog.Storage;
using Marcgate.Export.SaveFile;
using Marcgate.Marc;

namespace Marcgate.Web.Cataloging;

/// <summary>
/// One cataloger's online save file, kept in the catalog so that every node shows the same; the exporter's
/// <see cref="ISaveFileStore"/> over it, so that the shared export pipeline flags and records outcomes as it does for the command line.
/// </summary>
/// <remarks>The synchronous members wait for the store; they are used by exports running in the background, never by a request.</remarks>
internal sealed class CatalogerSaveFile(ICatalogStore store, string owner, TimeProvider time) : ISaveFileStore
{
    // Keys are zero-padded so that the store's ordering by key is the order of the numbers.
    private const string KeyFormat = "D10";

    public string Path => $"online save file of {owner}";

    public string Owner => owner;

    public async Task<long> AddAsync(MarcRecord record, byte[] iso2709, bool flagged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = new SavedRecordDocument
        {
            Iso2709 = iso2709,
            Title = SavedRecord.TitleOf(record),
            ControlNumber = record.GetControlValue("001")?.Trim(),
            Flagged = flagged,
            Added = time.GetUtcNow(),
        };

        // Two nodes may add at once: the loser of a number takes the next one.
        while (true)
        {
            var existing = await store.ListStaffDocumentsAsync(owner, StaffDocumentKinds.SavedRecord, cancellationToken).ConfigureAwait(false);
            var number = existing.Count == 0 ? 1 : long.Parse(existing[^1].Key, CultureInfo.InvariantCulture) + 1;
            if (await store.AddStaffDocumentAsync(Document(number, document), cancellationToken).ConfigureAwait(false))
            {
                return number;
            }
        }
    }

    public async Task<IReadOnlyList<SavedRecord>> ListAsync(bool flaggedOnly, CancellationToken cancellationToken)
    {
        var documents = await store.ListStaffDocumentsAsync(owner, StaffDocumentKinds.SavedRecord, cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(Read).Where(r => !flaggedOnly || r.Flagged)];
    }

    public async Task<SavedRecord?> GetAsync(long number, CancellationToken cancellationToken)
    {
        var document = await store.GetStaffDocumentAsync(owner, StaffDocumentKinds.SavedRecord, Key(number), cancellationToken).ConfigureAwait(false);
        return document is null ? null : Read(document);
    }

    /// <summary>Replaces a saved record's content, keeping its number, flag and history; false when there is no such record.</summary>
    public async Task<bool> ReplaceAsync(long number, MarcRecord record, byte[] iso2709, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await UpdateAsync(number, d =>
        {
            d.Iso2709 = iso2709;
            d.Title = SavedRecord.TitleOf(record);
            d.ControlNumber = record.GetControlValue("001")?.Trim();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<long>> SetFlagAsync(IEnumerable<long> numbers, bool flagged, CancellationToken cancellationToken)
    {
        var missing = new List<long>();
        foreach (var number in numbers)
        {
            if (!await UpdateAsync(number, d => d.Flagged = flagged, cancellationToken).ConfigureAwait(false))
            {
                missing.Add(number);
            }
        }

        return missing;
    }

    public async Task<IReadOnlyList<long>> RemoveAsync(IEnumerable<long> numbers, CancellationToken cancellationToken)
    {
        var missing = new List<long>();
        foreach (var number in numbers)
        {
            if (!await store.RemoveStaffDocumentAsync(owner, StaffDocumentKinds.SavedRecord, Key(number), cancellationToken).ConfigureAwait(false))
            {
                missing.Add(number);
            }
        }

        return missing;
    }

    long ISaveFileStore.Add(MarcRecord record, byte[] iso2709, bool flagged) => AddAsync(record, iso2709, flagged, CancellationToken.None).GetAwaiter().GetResult();

    IReadOnlyList<SavedRecord> ISaveFileStore.List(bool flaggedOnly) => ListAsync(flaggedOnly, CancellationToken.None).GetAwaiter().GetResult();

    SavedRecord? ISaveFileStore.Get(long number) => GetAsync(number, CancellationToken.None).GetAwaiter().GetResult();

    IReadOnlyList<long> ISaveFileStore.SetFlag(IEnumerable<long> numbers, bool flagged) => SetFlagAsync(numbers, flagged, CancellationToken.None).GetAwaiter().GetResult();

    IReadOnlyList<long> ISaveFileStore.Remove(IEnumerable<long> numbers) => RemoveAsync(numbers, CancellationToken.None).GetAwaiter().GetResult();

    void ISaveFileStore.RecordExport(long number, bool accepted, string outcome) =>
        UpdateAsync(number, d =>
        {
            d.LastExport = LastExportText.From(outcome, time.GetUtcNow());
            if (accepted)
            {
                d.Flagged = false;
            }
        }, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose()
    {
    }

    private static string Key(long number) => number.ToString(KeyFormat, CultureInfo.InvariantCulture);

    private async Task<bool> UpdateAsync(long number, Action<SavedRecordDocument> change, CancellationToken cancellationToken)
    {
        var stored = await store.GetStaffDocumentAsync(owner, StaffDocumentKinds.SavedRecord, Key(number), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        var document = Parse(stored);
        change(document);
        await store.SaveStaffDocumentAsync(Document(number, document), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private StaffDocument Document(long number, SavedRecordDocument document) =>
        new(owner, StaffDocumentKinds.SavedRecord, Key(number), JsonSerializer.Serialize(document, CatalogingJson.Default.SavedRecordDocument), time.GetUtcNow());

    private static SavedRecordDocument Parse(StaffDocument document) =>
        JsonSerializer.Deserialize(document.Value, CatalogingJson.Default.SavedRecordDocument) ?? new SavedRecordDocument();

    private static SavedRecord Read(StaffDocument stored)
    {
        var document = Parse(stored);
        return new SavedRecord(long.Parse(stored.Key, CultureInfo.InvariantCulture), document.Title, document.ControlNumber, document.Iso2709, document.Flagged, document.Added)
        {
            LastExport = document.LastExport,
        };
    }
}
