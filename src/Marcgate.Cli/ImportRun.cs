using System.Security.Cryptography;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Matching;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary>One <c>import</c> run: the records of every input through the pipeline, tallied by outcome.</summary>
internal sealed class ImportRun(GatewayImportService importer, string repository, string profileName, TextWriter error, bool progress)
{
    /// <summary>
    /// How many records are in the pipeline at once: enough for the store's group-commit writer to commit them in batches
    /// and for decoding and validation to use every core (bench/results/import.md).
    /// </summary>
    public const int Concurrency = 64;

    // What the versions and the receipt log show as the peer of a record loaded from a file.
    private const string LocalPeer = "local";

    private readonly SortedDictionary<string, int> _actions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly string? _user = Environment.UserName;
    private long _records;
    private long _lastProgress;

    public int Rejected { get; private set; }

    /// <summary>
    /// Imports every record of the input, up to <see cref="Concurrency"/> at once so the store's writer commits them in
    /// batches, and tallies and reports each outcome in the order of the input. Records that share an OCLC number (or,
    /// without one, the same bytes) run one after another in input order, so each sees what the one before it stored, as
    /// when the records are imported one by one.
    /// </summary>
    public async Task ImportAsync(RecordInput input, CancellationToken cancellationToken)
    {
        using var reader = input.OpenReader(MarcReaderOptions.Default);
        var inFlight = new Queue<Pending>();
        var lastByKey = new Dictionary<string, Task<ImportOutcome>>(StringComparer.Ordinal);
        var finished = false;
        try
        {
            while (reader.Read() is { } result)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var keys = MatchKeys(result);
                var before = keys.Select(k => lastByKey.GetValueOrDefault(k)).OfType<Task<ImportOutcome>>().Distinct().ToArray();
                var outcome = ImportAfterAsync(before, result, cancellationToken);
                foreach (var key in keys)
                {
                    lastByKey[key] = outcome;
                }

                inFlight.Enqueue(new Pending(result, keys, outcome));
                if (inFlight.Count >= Concurrency)
                {
                    await TallyAsync(inFlight.Dequeue(), lastByKey, input.Name).ConfigureAwait(false);
                }
            }

            finished = true;
        }
        finally
        {
            // What was started is finished and reported, also when reading the input failed halfway; after a
            // cancellation the rest is only waited for.
            while (inFlight.TryDequeue(out var pending))
            {
                if (finished || !cancellationToken.IsCancellationRequested)
                {
                    await TallyAsync(pending, lastByKey, input.Name).ConfigureAwait(false);
                }
                else
                {
                    await Task.WhenAny(pending.Outcome).ConfigureAwait(false);
                }
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

    // What decides which stored record a record meets (gateway §7 steps 5 and 7): its OCLC numbers, current and
    // cancelled, or without any, its bytes. Two records with a key in common must not pass each other.
    private static string[] MatchKeys(MarcReadResult result)
    {
        if (result.Record is null || result.HasErrors)
        {
            return [];
        }

        var numbers = RecordOclcNumbers.From(result.Record).All.Select(n => "oclc:" + n.ToString()).Distinct().ToArray();
        if (numbers.Length > 0)
        {
            return numbers;
        }

        try
        {
            return ["content:" + Convert.ToHexString(SHA256.HashData(Iso2709Writer.Write(result.Record)))];
        }
        catch (MarcFormatException)
        {
            return [];
        }
    }

    private async Task<ImportOutcome> ImportAfterAsync(Task<ImportOutcome>[] before, MarcReadResult result, CancellationToken cancellationToken)
    {
        foreach (var earlier in before)
        {
            // Only its completion matters here; its outcome (or failure) is reported in its own turn.
            await Task.WhenAny(earlier).ConfigureAwait(false);
        }

        // Off the reading loop: decoding, validation and merging of several records use every core.
        return await Task.Run(() => ImportOneAsync(result, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task TallyAsync(Pending pending, Dictionary<string, Task<ImportOutcome>> lastByKey, string inputName)
    {
        var outcome = await pending.Outcome.ConfigureAwait(false);
        foreach (var key in pending.Keys)
        {
            if (lastByKey.TryGetValue(key, out var last) && ReferenceEquals(last, pending.Outcome))
            {
                lastByKey.Remove(key);
            }
        }

        var result = pending.Result;
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

    private async Task<ImportOutcome> ImportOneAsync(MarcReadResult result, CancellationToken cancellationToken)
    {
        // A record whose structure the reader had to guess at is refused, as the gateway refuses it (gateway §4 bad-record).
        if (result.Record is null || result.HasErrors)
        {
            var first = result.Diagnostics.FirstOrDefault(d => d.Severity == MarcSeverity.Error);
            return new ImportOutcome(false, null, GatewayReplyCodes.BadRecord, first is null ? "The record is not readable." : $"The record is not readable: {first.Message} ({first.Id}).");
        }

        byte[] bytes;
        try
        {
            bytes = Iso2709Writer.Write(result.Record);
        }
        catch (MarcFormatException exception)
        {
            return new ImportOutcome(false, null, GatewayReplyCodes.InvalidRecord, $"The record cannot be stored as ISO 2709: {exception.Message}");
        }

        var request = new ImportRequest(null, null, _user, LocalPeer, importer.Read(bytes));
        return await importer.ImportAsync(repository, profileName, request, cancellationToken).ConfigureAwait(false);
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

    private sealed record Pending(MarcReadResult Result, string[] Keys, Task<ImportOutcome> Outcome);
}
