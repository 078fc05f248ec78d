namespace Marcgate.Export.Pipeline;

/// <summary>Runs one export: prepares each record and hands it to the destination; never stops at a bad record.</summary>
public sealed class ExportRunner
{
    private readonly RecordPreparer _preparer;
    private readonly IExportDestination _destination;

    /// <summary>Creates a runner.</summary>
    public ExportRunner(RecordPreparer preparer, IExportDestination destination)
    {
        _preparer = preparer;
        _destination = destination;
    }

    /// <summary>Exports one record.</summary>
    public async Task<ExportRecordResult> ExportAsync(ExportItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Record is null)
        {
            return new ExportRecordResult(item, ExportStatus.Failed, "cannot be read") { Reasons = item.ReadProblems };
        }

        var problems = new List<string>();
        var prepared = _preparer.Prepare(item.Record, problems);
        if (prepared is null)
        {
            return new ExportRecordResult(item, ExportStatus.Failed, problems.Count > 0 ? problems[0] : "not exported") { Reasons = problems.Skip(1).ToList() };
        }

        var delivery = await _destination.DeliverAsync(prepared, cancellationToken).ConfigureAwait(false);
        return new ExportRecordResult(item, delivery.Status, delivery.Message)
        {
            Reply = delivery.Reply,
            Attempts = delivery.Attempts,
            Reasons = delivery.RetriedBecause.Select((r, i) => $"attempt {i + 1} failed: {r}").ToList(),
        };
    }

    /// <summary>Exports every record in order, reporting each result as it comes.</summary>
    public async Task<IReadOnlyList<ExportRecordResult>> ExportAllAsync(IEnumerable<ExportItem> items, IProgress<ExportRecordResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<ExportRecordResult>();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await ExportAsync(item, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            progress?.Report(result);
        }

        return results;
    }
}
