namespace Marcgate.Export.Pipeline;

/// <summary>Runs one export: prepares each record and hands it to the destination; goes on past a bad record, stops when going on cannot help.</summary>
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

    /// <summary>The result for a record left unsent because the export stopped.</summary>
    public static ExportRecordResult NotSent(ExportItem item, ExportStop stop)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(stop);
        return new ExportRecordResult(item, ExportStatus.NotSent, "not sent: " + stop.Reason) { Reason = stop.Reason };
    }

    /// <summary>Exports one record.</summary>
    public async Task<ExportRecordResult> ExportAsync(ExportItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Record is null)
        {
            return new ExportRecordResult(item, ExportStatus.Failed, "cannot be read") { Reasons = item.ReadProblems, Reason = "cannot be read" };
        }

        var problems = new List<string>();
        var prepared = _preparer.Prepare(item.Record, problems, out var refusedBy);
        if (prepared is null)
        {
            return new ExportRecordResult(item, ExportStatus.Failed, problems.Count > 0 ? problems[0] : "not exported")
            {
                Reasons = problems.Skip(1).ToList(),
                Reason = refusedBy ?? "not exported",
            };
        }

        var delivery = await _destination.DeliverAsync(prepared, cancellationToken).ConfigureAwait(false);
        var message = delivery.Status == ExportStatus.NotSent && delivery.Stop is { } stop
            ? $"not sent: {stop.Reason}: {delivery.Message}"
            : delivery.Message;
        return new ExportRecordResult(item, delivery.Status, message)
        {
            Reply = delivery.Reply,
            Attempts = delivery.Attempts,
            Reasons = delivery.RetriedBecause.Select((r, i) => $"attempt {i + 1} failed: {r}").ToList(),
            Reason = delivery.Reason,
            Delivery = delivery,
        };
    }

    /// <summary>
    /// Exports every record in order, reporting each result as it comes. After a delivery that says going on
    /// cannot help (<see cref="DeliveryResult.Stop"/>), the remaining records are not sent and say why.
    /// </summary>
    public async Task<IReadOnlyList<ExportRecordResult>> ExportAllAsync(IEnumerable<ExportItem> items, IProgress<ExportRecordResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<ExportRecordResult>();
        ExportStop? stop = null;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = stop is null ? await ExportAsync(item, cancellationToken).ConfigureAwait(false) : NotSent(item, stop);
            stop ??= result.Delivery?.Stop;
            results.Add(result);
            progress?.Report(result);
        }

        return results;
    }
}
