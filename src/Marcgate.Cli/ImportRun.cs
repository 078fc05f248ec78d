using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Cli;

/// <summary>One <c>import</c> run: the records of every input through the pipeline, tallied by outcome.</summary>
internal sealed class ImportRun(GatewayImportService importer, string repository, string profileName, TextWriter error, bool progress)
{
    // What the versions and the receipt log show as the peer of a record loaded from a file.
    private const string LocalPeer = "local";

    private readonly SortedDictionary<string, int> _actions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _rejections = new(StringComparer.Ordinal);
    private readonly string? _user = Environment.UserName;
    private long _records;
    private long _lastProgress;

    public int Rejected { get; private set; }

    public async Task ImportAsync(RecordInput input, CancellationToken cancellationToken)
    {
        using var reader = input.OpenReader(MarcReaderOptions.Default);
        while (reader.Read() is { } result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await ImportOneAsync(result, cancellationToken).ConfigureAwait(false);
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
                error.WriteLine($"marcgate import: {input.Name}: record {result.RecordNumber} (byte {result.ByteOffset}): {outcome.Code}: {outcome.Message}");
            }

            ShowProgress(input.Name);
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
}
