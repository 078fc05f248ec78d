using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Marcgate.Catalog.Storage;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Validation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marcgate.Web.Cataloging;

/// <summary>
/// Runs a cataloger's exports in the background through the shared export pipeline and keeps each one, row by row, in
/// the catalog: the status window follows it there (from any node), and the history re-opens it later. Only the
/// <c>keptFiles</c> most recent export files of each cataloger are kept for download.
/// </summary>
internal sealed partial class CatalogerExports(ICatalogStore store, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<CatalogerExports> logger, int keptFiles)
{
    /// <summary>How many of a cataloger's most recent export files are kept.</summary>
    public int KeptFiles { get; } = keptFiles > 0 ? keptFiles : throw new ArgumentOutOfRangeException(nameof(keptFiles), keptFiles, "At least one export file is kept.");

    /// <summary>Starts an export; returns its id at once.</summary>
    /// <param name="saveFile">The cataloger's save file: the records came from it, and it learns each outcome.</param>
    /// <param name="options">The effective options, checked.</param>
    /// <param name="password">The logon password, or null.</param>
    /// <param name="items">The records, each with its save file number.</param>
    /// <param name="cancellationToken">Stops the start (not the export).</param>
    public async Task<string> StartAsync(CatalogerSaveFile saveFile, ExportOptions options, string? password, IReadOnlyList<ExportItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saveFile);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(items);
        var started = time.GetUtcNow();
        var id = started.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var run = new ExportRunDocument
        {
            Started = started,
            Destination = Describe(options),
            FileType = options.FileType == ExportFileType.Single ? "Single" : "Individual",
            Total = items.Count,
        };
        await SaveAsync(saveFile.Owner, id, run, cancellationToken).ConfigureAwait(false);
        _ = Task.Run(() => RunAsync(saveFile, id, run, options, password, items), CancellationToken.None);
        return id;
    }

    public async Task<ExportRunDocument?> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var document = await store.GetStaffDocumentAsync(owner, StaffDocumentKinds.Export, id, cancellationToken).ConfigureAwait(false);
        return document is null ? null : JsonSerializer.Deserialize(document.Value, CatalogingJson.Default.ExportRunDocument);
    }

    /// <summary>The cataloger's exports, newest first.</summary>
    public async Task<IReadOnlyList<(string Id, ExportRunDocument Run)>> ListAsync(string owner, CancellationToken cancellationToken)
    {
        var documents = await store.ListStaffDocumentsAsync(owner, StaffDocumentKinds.Export, cancellationToken).ConfigureAwait(false);
        return [.. documents.Reverse().Select(d => (d.Key, JsonSerializer.Deserialize(d.Value, CatalogingJson.Default.ExportRunDocument)!))];
    }

    /// <summary>The file an export to a file wrote, or null.</summary>
    public async Task<byte[]?> GetFileAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var document = await store.GetStaffDocumentAsync(owner, StaffDocumentKinds.ExportFile, id, cancellationToken).ConfigureAwait(false);
        return document is null ? null : Convert.FromBase64String(document.Value);
    }

    /// <summary>Where an export goes, in words.</summary>
    public static string Describe(ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ExportDestination == ExportDestinationKind.File)
        {
            return $"file {options.FileName}";
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return "no host set";
        }

        var where = $"{options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}";
        return options.DestinationName is { } name ? $"{name} ({where})" : where;
    }

    private async Task RunAsync(CatalogerSaveFile saveFile, string id, ExportRunDocument run, ExportOptions options, string? password, IReadOnlyList<ExportItem> items)
    {
        var titles = items.ToDictionary(i => i.Number, i => i.Record is null ? "(cannot be read)" : Export.SaveFile.SavedRecord.TitleOf(i.Record));
        string? directory = null;
        IReadOnlyList<ExportRecordResult> results = [];
        try
        {
            if (options.ExportDestination == ExportDestinationKind.File)
            {
                directory = Directory.CreateTempSubdirectory("marcgate-export-").FullName;
                options = options with { FileName = Path.Combine(directory, DownloadName(options.FileName)) };
            }

            var job = new ExportJob(options, MarcValidator.Instance);
            var rows = new RowProgress(result =>
            {
                run.Rows.Add(Row(result, titles.GetValueOrDefault(result.Item.Number) ?? string.Empty));
                SaveAsync(saveFile.Owner, id, run, CancellationToken.None).GetAwaiter().GetResult();
            });
            results = await job.RunAsync(items, password, saveFile, rows, lifetime.ApplicationStopping).ConfigureAwait(false);
            run.Summary = ExportSummary.Totals([.. results]);
            run.Hints = [.. ExportHints.For(options, results)];
            if (directory is not null && results.Any(r => r.Status == ExportStatus.Written))
            {
                var (name, bytes) = Package(directory, options);
                await store.SaveStaffDocumentAsync(new StaffDocument(saveFile.Owner, StaffDocumentKinds.ExportFile, id, Convert.ToBase64String(bytes), time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
                run.DownloadName = name;
                await DropOldFilesAsync(saveFile.Owner, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            run.Summary = "The export stopped: the host process is shutting down.";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or CatalogStoreException or Export.SaveFile.SaveFileException)
        {
            LogExportFailed(logger, id, error);
            run.Summary = "The export stopped: " + error.Message;
        }
        finally
        {
            run.Finished = time.GetUtcNow();
            try
            {
                await SaveAsync(saveFile.Owner, id, run, CancellationToken.None).ConfigureAwait(false);
            }
            catch (CatalogStoreException error)
            {
                LogExportFailed(logger, id, error);
            }

            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    // An export file is a whole batch of records kept in the catalog: only the newest few stay, so that a busy
    // cataloger's history does not grow the catalog without end. Ids begin with the start time, so key order is age.
    private async Task DropOldFilesAsync(string owner, CancellationToken cancellationToken)
    {
        var files = await store.ListStaffDocumentsAsync(owner, StaffDocumentKinds.ExportFile, cancellationToken).ConfigureAwait(false);
        foreach (var old in files.Take(files.Count - KeptFiles))
        {
            await store.RemoveStaffDocumentAsync(owner, StaffDocumentKinds.ExportFile, old.Key, cancellationToken).ConfigureAwait(false);
            if (await GetAsync(owner, old.Key, cancellationToken).ConfigureAwait(false) is { } run)
            {
                run.FileDropped = time.GetUtcNow();
                await SaveAsync(owner, old.Key, run, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Single is the one file; Individual is a file per record, handed over in one zip.
    private static (string Name, byte[] Bytes) Package(string directory, ExportOptions options)
    {
        var name = Path.GetFileName(options.FileName!);
        if (options.FileType == ExportFileType.Single)
        {
            return (name, File.ReadAllBytes(options.FileName!));
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        return (Path.GetFileNameWithoutExtension(name) + ".zip", buffer.ToArray());
    }

    /// <summary>The file name a download gets: the Export File Name without any folder, or <c>export.mrc</c>.</summary>
    public static string DownloadName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/'))]);
        return name.Trim().Trim('.').Length == 0 ? "export.mrc" : name.Trim();
    }

    private static ExportRowDocument Row(ExportRecordResult result, string title) => new()
    {
        Number = result.Item.Number,
        SaveFileNumber = result.Item.SaveFileNumber,
        Title = title,
        Outcome = result.Outcome,
        Succeeded = result.Succeeded,
        Reply = result.Reply?.HumanLine is { Length: > 0 } line ? line : LastExportText.WithoutFolder(result.Message),
        RecordId = result.Reply?.RecordId,
        Reasons = [.. result.Reasons.Select(r => r.Trim())],
    };

    private Task SaveAsync(string owner, string id, ExportRunDocument run, CancellationToken cancellationToken) =>
        store.SaveStaffDocumentAsync(
            new StaffDocument(owner, StaffDocumentKinds.Export, id, JsonSerializer.Serialize(run, CatalogingJson.Default.ExportRunDocument), time.GetUtcNow()),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {ExportId} stopped")]
    private static partial void LogExportFailed(ILogger logger, string exportId, Exception error);

    // Each row is kept before the next record is sent, so that the status window never runs behind the wire.
    private sealed class RowProgress(Action<ExportRecordResult> report) : IProgress<ExportRecordResult>
    {
        public void Report(ExportRecordResult value) => report(value);
    }
}
