using System.Runtime.ExceptionServices;
using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary>One <c>import</c> run: the records of every input through the pipeline, tallied by outcome.</summary>
internal sealed class ImportRun(GatewayImportService importer, string repository, string profileName, TextWriter error, bool progress)
{
    /// <summary>
    /// How many records are matched and committed together: the new ones among them are added in one store transaction,
    /// and the next batch is read and checked meanwhile (bench/results/import.md).
    /// </summary>
    public const int BatchSize = 2000;

    // What the versions and the receipt log show as the peer of a record loaded from a file.
    private const string LocalPeer = "local";

    private readonly SortedDictionary<string, int> _actions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly string? _user = Environment.UserName;
    private long _records;
    private long _lastProgress;

    public int Rejected { get; private set; }

    /// <summary>
    /// Imports every record of the input in batches of <see cref="BatchSize"/>, reading and checking the next batch while
    /// one is matched and committed, and tallies and reports each outcome in the order of the input. Records that share an
    /// OCLC number (or, without one, the same bytes) are imported in input order, so each sees what the one before it
    /// stored, as when the records are imported one by one.
    /// </summary>
    public async Task ImportAsync(RecordInput input, CancellationToken cancellationToken)
    {
        using var reader = input.OpenReader(MarcReaderOptions.Default);
        var next = Task.Run(() => ReadAsync(reader, cancellationToken), cancellationToken);
        try
        {
            while (true)
            {
                var chunk = await next.ConfigureAwait(false);
                next = chunk.Ended ? null : Task.Run(() => ReadAsync(reader, cancellationToken), cancellationToken);
                if (chunk.Results.Count > 0)
                {
                    var imported = await importer.ImportBatchAsync(chunk.Batch, cancellationToken).ConfigureAwait(false);
                    var fromBatch = 0;
                    for (var i = 0; i < chunk.Results.Count; i++)
                    {
                        Tally(chunk.Results[i], chunk.Refused[i] ?? imported[fromBatch++], input.Name);
                    }
                }

                // What was read before the input failed is imported and reported, then the failure goes to the caller.
                chunk.Failure?.Throw();
                if (next is null)
                {
                    return;
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                // A read under way is finished before its reader goes; its records are not imported.
                await Task.WhenAny(next).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The summary line: every outcome with its count, and the rejections by reason.</summary>
    public string Summary()
    {
        var parts = new List<string>
        {
            $"added {_actions.GetValueOrDefault(GatewayReplyCodes.Added)}",
            $"overlaid {_actions.GetValueOrDefault(GatewayReplyCodes.Overlaid)}",
            $"unchanged {_actions.GetValueOrDefault(GatewayReplyCodes.Unchanged)}",
        };
        parts.AddRange(_actions.Where(a => a.Key is not (GatewayReplyCodes.Added or GatewayReplyCodes.Overlaid or GatewayReplyCodes.Unchanged)).Select(a => $"{a.Key} {a.Value}"));
        var reasons = _rejections.Count == 0 ? string.Empty : $" ({string.Join(", ", _rejections.Select(r => $"{r.Key} {r.Value}"))})";
        parts.Add($"rejected {Rejected}{reasons}");
        return string.Join(", ", parts);
    }

    public void EndProgress()
    {
        if (progress && _lastProgress > 0)
        {
            error.Write("\r\e[K");
            _lastProgress = 0;
        }
    }

    /// <summary>Reads up to <see cref="BatchSize"/> records and prepares them: unreadable ones are refused here, the rest checked by the pipeline.</summary>
    private async Task<Chunk> ReadAsync(IMarcRecordReader reader, CancellationToken cancellationToken)
    {
        var results = new List<MarcReadResult>(BatchSize);
        ExceptionDispatchInfo? failure = null;
        var ended = false;
        try
        {
            while (results.Count < BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.Read() is not { } result)
                {
                    ended = true;
                    break;
                }

                results.Add(result);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = ExceptionDispatchInfo.Capture(e);
            ended = true;
        }

        var refused = new ImportOutcome?[results.Count];
        var requests = new ImportRequest?[results.Count];
        Parallel.For(0, results.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => requests[i] = Request(results[i], out refused[i]));
        var batch = await importer.PrepareBatchAsync(repository, profileName, [.. requests.OfType<ImportRequest>()], cancellationToken).ConfigureAwait(false);
        return new Chunk(results, refused, batch, ended, failure);
    }

    /// <summary>The pipeline's request for a record read from the input, or null with the outcome when the record is refused before it.</summary>
    private ImportRequest? Request(MarcReadResult result, out ImportOutcome? refused)
    {
        // A record whose structure the reader had to guess at is refused, as the gateway refuses it (gateway §4 bad-record).
        if (result.Record is null || result.HasErrors)
        {
            var first = result.Diagnostics.FirstOrDefault(d => d.Severity == MarcSeverity.Error);
            refused = new ImportOutcome(false, null, GatewayReplyCodes.BadRecord, first is null ? "The record is not readable." : $"The record is not readable: {first.Message} ({first.Id}).");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Iso2709Writer.Write(result.Record);
        }
        catch (MarcFormatException exception)
        {
            refused = new ImportOutcome(false, null, GatewayReplyCodes.InvalidRecord, $"The record cannot be stored as ISO 2709: {exception.Message}");
            return null;
        }

        refused = null;
        return new ImportRequest(null, null, _user, LocalPeer, importer.Read(bytes));
    }

    private void Tally(MarcReadResult result, ImportOutcome outcome, string inputName)
    {
        _records++;
        if (outcome.Ok)
        {
            _actions[outcome.Action!] = _actions.GetValueOrDefault(outcome.Action!) + 1;
        }
        else
        {
            Rejected++;
            _rejections[outcome.Code!] = _rejections.GetValueOrDefault(outcome.Code!) + 1;
            EndProgress();
            error.WriteLine($"marcgate import: {inputName}: record {result.RecordNumber} (byte {result.ByteOffset}): {outcome.Code}: {outcome.Message}");
        }

        ShowProgress(inputName);
    }

    private void ShowProgress(string name)
    {
        var now = Environment.TickCount64;
        if (progress && now - _lastProgress >= 200)
        {
            error.Write($"\r\e[K{(name == "-" ? "standard input" : name)}: {_records} records, {Rejected} rejected");
            _lastProgress = now;
        }
    }

    /// <summary>One batch of the input: every record read, the outcomes of those refused before the pipeline, and the batch of the rest.</summary>
    private sealed record Chunk(List<MarcReadResult> Results, ImportOutcome?[] Refused, ImportBatch Batch, bool Ended, ExceptionDispatchInfo? Failure);
}
