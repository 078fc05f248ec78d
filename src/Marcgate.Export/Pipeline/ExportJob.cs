using Marcgate.Export.Files;
using Marcgate.Export.Gateway;
using Marcgate.Export.Options;
using Marcgate.Export.SaveFile;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Export.Pipeline;

/// <summary>One <c>marcgate export</c>: sends (or, with Mark for Export and Save Record, saves and flags) a list of records.</summary>
public sealed class ExportJob
{
    private readonly ExportOptions _options;
    private readonly IRecordValidator _validator;
    private readonly IRecordCharsetConverter _charset;

    /// <summary>Creates a job with checked options.</summary>
    public ExportJob(ExportOptions options, IRecordValidator validator, IRecordCharsetConverter? charset = null)
    {
        _options = options;
        _validator = validator;
        _charset = charset ?? MarcRecordCharsetConverter.Instance;
    }

    /// <summary>Trace of the bytes on the wire, or null.</summary>
    public GatewayTrace? Trace { get; init; }

    /// <summary>Exports every item to the destination of the options; records from the save file lose their flag only when accepted.</summary>
    /// <remarks>The export stops early when going on cannot help (<see cref="ExportStop"/>); the records left are reported <see cref="ExportStatus.NotSent"/>.</remarks>
    public async Task<IReadOnlyList<ExportRecordResult>> RunAsync(IEnumerable<ExportItem> items, string? password, ISaveFileStore? saveFile, IProgress<ExportRecordResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var destination = CreateDestination(password);
        var runner = new ExportRunner(new RecordPreparer(_options, _validator, _charset), destination);
        var recording = new SynchronousProgress(result =>
        {
            if (result.Item.SaveFileNumber is { } number && saveFile is not null)
            {
                saveFile.RecordExport(number, result.Succeeded, ExportSummary.Line(result));
            }

            progress?.Report(result);
        });
        return await runner.ExportAllAsync(items, recording, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Mark for Export and Save Record: saves each readable record in the save file, flagged, instead of sending it.</summary>
    public static IReadOnlyList<ExportRecordResult> SaveAndFlag(IEnumerable<ExportItem> items, ISaveFileStore saveFile, IProgress<ExportRecordResult>? progress)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(saveFile);
        var results = new List<ExportRecordResult>();
        foreach (var item in items)
        {
            ExportRecordResult result;
            if (item.Record is null)
            {
                result = new ExportRecordResult(item, ExportStatus.Failed, "cannot be read") { Reasons = item.ReadProblems, Reason = "cannot be read" };
            }
            else
            {
                var number = saveFile.Add(item.Record, Iso2709Writer.Write(item.Record), flagged: true);
                result = new ExportRecordResult(item, ExportStatus.Flagged, $"saved as save file #{number} and flagged for export");
            }

            results.Add(result);
            progress?.Report(result);
        }

        return results;
    }

    private IExportDestination CreateDestination(string? password)
    {
        if (_options.ExportDestination == ExportDestinationKind.File)
        {
            IRecordFileFormat format = _options.RecordFormat == ExportRecordFormat.MarcXml ? new MarcXmlFileFormat() : new Iso2709FileFormat();
            return new FileExportDestination(_options.FileName!, _options.FileType, format);
        }

        return new GatewayExportDestination(_options, password, Trace);
    }

    // Progress<T> posts to the thread pool; the save file must record each result before the next is sent.
    private sealed class SynchronousProgress(Action<ExportRecordResult> report) : IProgress<ExportRecordResult>
    {
        public void Report(ExportRecordResult value) => report(value);
    }
}
