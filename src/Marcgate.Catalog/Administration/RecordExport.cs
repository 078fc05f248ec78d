using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Administration;

/// <summary>Writes every record of a repository (its current versions, ordered by id) in one format, the same for the command line and the console.</summary>
public sealed class RecordExport
{
    private const int PageSize = 500;

    private readonly ICatalogStore _store;

    /// <summary>Exports from one catalog store.</summary>
    public RecordExport(ICatalogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Writes one version of one record (the current one when <paramref name="version"/> is null) to <paramref name="output"/> (left open).</summary>
    /// <exception cref="InvalidDataException">The stored record does not read back as ISO 2709.</exception>
    /// <exception cref="IOException">Writing failed.</exception>
    public async Task<AdministrationResult> ExportRecordAsync(string repository, RecordId id, int? version, MarcFormat format, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(output);
        var history = await _store.GetHistoryAsync(repository, id, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return AdministrationResult.NotFound($"Repository {repository} has no record {id}.");
        }

        var chosen = version is { } number ? history.FirstOrDefault(v => v.Version == number) : history[^1];
        if (chosen is null)
        {
            return AdministrationResult.NotFound($"Record {id} has versions 1 to {history[^1].Version}, not {version}.");
        }

        if (format == MarcFormat.Iso2709)
        {
            await output.WriteAsync(chosen.Content, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var record = Iso2709RecordParser.Parse(chosen.Content.Span, MarcReaderOptions.Default, 1, 0, [])
                ?? throw new InvalidDataException($"Version {chosen.Version} of record {id} does not read back as ISO 2709.");
            using var writer = MarcFormats.OpenWriter(output, format, leaveOpen: true);
            writer.Write(record, [], 1);
            writer.Complete();
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return AdministrationResult.Done($"Exported version {chosen.Version} of record {id}.");
    }

    /// <summary>Writes the records to <paramref name="output"/> (left open); the value is how many were written.</summary>
    /// <exception cref="InvalidDataException">A stored record does not read back as ISO 2709.</exception>
    /// <exception cref="IOException">Writing failed.</exception>
    public async Task<AdministrationResult<long>> ExportAsync(string repository, MarcFormat format, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(output);
        if (!await _store.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            return AdministrationResult<long>.From(AdministrationResult.NotFound($"Repository '{repository}' does not exist; 'marcgate repositories list' shows them."));
        }

        var count = 0L;
        var diagnostics = new List<MarcDiagnostic>();
        using (var writer = format == MarcFormat.Iso2709 ? null : MarcFormats.OpenWriter(output, format, leaveOpen: true))
        {
            RecordId? after = null;
            while (true)
            {
                var page = await _store.ListRecordsAsync(repository, after, PageSize, cancellationToken).ConfigureAwait(false);
                foreach (var stored in page)
                {
                    count++;
                    if (writer is null)
                    {
                        // The stored bytes are the record: written as they are, not read and written again.
                        await output.WriteAsync(stored.Content, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    var record = Iso2709RecordParser.Parse(stored.Content.Span, MarcReaderOptions.Default, count, 0, [])
                        ?? throw new InvalidDataException($"Record {stored.Id} of {repository} does not read back as ISO 2709.");
                    writer.Write(record, diagnostics, count);
                }

                if (page.Count < PageSize)
                {
                    break;
                }

                after = page[^1].Id;
            }

            writer?.Complete();
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var noun = count == 1 ? "record" : "records";
        var note = diagnostics.Count == 0 ? string.Empty : $" ({diagnostics.Count} characters or values the format cannot carry were replaced)";
        return AdministrationResult<long>.Done(count, $"Exported {count} {noun} of {repository}{note}.");
    }
}
