using System.Globalization;
using System.Text;
using Marcgate.Export.Options;

namespace Marcgate.Export.Pipeline;

/// <summary>What an export prints: a line per record, and one summary at the end (gateway §6: one summary, not one window per record).</summary>
public static class ExportSummary
{
    /// <summary>How many records not accepted the summary names one by one; a run of unsent records counts once.</summary>
    public const int MaxListed = 20;

    private static readonly string[] s_outcomeOrder = ["added", "overlaid", "unchanged", "staged", "accepted", "written", "flagged", "rejected", "failed", "not sent"];

    /// <summary>One line for a record: number, source, status, and the host's reply tokens or the failure.</summary>
    public static string Line(ExportRecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"#{result.Item.Number} {result.Item.Source}: {StatusName(result.Status)}");
        if (result.Reply is { } reply)
        {
            Append(text, "action", reply.Action);
            Append(text, "record", reply.RecordId);
            Append(text, "code", reply.Code);
            if (reply.Warnings.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" warnings={reply.Warnings.Count}");
            }
        }

        if (result.Attempts > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $" attempts={result.Attempts}");
        }

        return text.Append(" — ").Append(result.Message).ToString();
    }

    /// <summary>The detail lines under a record's line: the rest of the host's reply (every line but the first and the status line), then the reasons.</summary>
    public static IEnumerable<string> Details(ExportRecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Reply is { } reply)
        {
            var lines = reply.Text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
            var last = reply.Values.Count > 0 ? lines.Count - 1 : lines.Count;
            var warnings = 0;
            for (var i = 1; i < last; i++)
            {
                // gateway §4: warning lines are shown unescaped.
                yield return lines[i].StartsWith("Warning: ", StringComparison.Ordinal) && warnings < reply.Warnings.Count
                    ? "    Warning: " + reply.Warnings[warnings++]
                    : "    " + lines[i];
            }
        }

        foreach (var reason in result.Reasons)
        {
            yield return "    " + reason.TrimStart();
        }
    }

    /// <summary>The totals line: how many records, by status.</summary>
    public static string Totals(IReadOnlyCollection<ExportRecordResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counts = Enum.GetValues<ExportStatus>()
            .Select(s => (Status: s, Count: results.Count(r => r.Status == s)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {StatusName(c.Status)}");
        return $"{Records(results.Count)}: {string.Join(", ", counts)}";
    }

    /// <summary>
    /// The summary at the end of an export: counts by outcome and reason, where the export stopped and why,
    /// the records not accepted (title, OCLC number, reason, the host's reply), and the hints that apply.
    /// </summary>
    public static IEnumerable<string> Report(ExportOptions options, IReadOnlyList<ExportRecordResult> results)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        yield return options.MarkForExportAndSave
            ? $"Export summary (saved and flagged): {Records(results.Count)}"
            : $"Export summary ({Target(options)}): {Records(results.Count)}";

        var outcomes = results.GroupBy(r => r.Outcome)
            .OrderBy(g => Array.IndexOf(s_outcomeOrder, g.Key) is var at && at >= 0 ? at : s_outcomeOrder.Length)
            .ToList();
        var width = outcomes.Count == 0 ? 0 : outcomes.Max(g => g.Key.Length);
        foreach (var outcome in outcomes)
        {
            var line = $"  {outcome.Count(),6} {outcome.Key.PadRight(width)}";
            var reasons = outcome.Where(r => r.Reason is not null).GroupBy(r => r.Reason!)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()}")
                .ToList();
            yield return reasons.Count == 0 ? line.TrimEnd() : $"{line}  {string.Join(", ", reasons)}";
        }

        var firstUnsent = results.FirstOrDefault(r => r.Status == ExportStatus.NotSent);
        if (firstUnsent is not null)
        {
            var unsent = results.Count(r => r.Status == ExportStatus.NotSent);
            var stoppedAt = results.FirstOrDefault(r => r.Delivery?.Stop is not null) ?? firstUnsent;
            yield return $"The export stopped at record #{stoppedAt.Item.Number} ({firstUnsent.Reason}): {Records(unsent)} not sent.";
        }

        var notAccepted = Runs(results.Where(r => !r.Succeeded)).ToList();
        if (notAccepted.Count > 0)
        {
            yield return "Not accepted:";
            foreach (var run in notAccepted.Take(MaxListed))
            {
                foreach (var line in Listed(run))
                {
                    yield return line;
                }
            }

            if (notAccepted.Count > MaxListed)
            {
                var more = notAccepted.Skip(MaxListed).Sum(r => r.Count);
                yield return $"  … and {Records(more)} more";
            }
        }

        foreach (var hint in ExportHints.For(options, results))
        {
            yield return "Hint: " + hint;
        }
    }

    /// <summary>A status as people read it: <c>accepted</c>, <c>not sent</c>, ….</summary>
    public static string StatusName(ExportStatus status) => status == ExportStatus.NotSent ? "not sent" : status.ToString().ToLowerInvariant();

    private static string Records(int count) => count == 1 ? "1 record" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} records";

    private static string Target(ExportOptions options) => options.ExportDestination == ExportDestinationKind.File
        ? options.FileName ?? "file"
        : $"{options.Host}:{options.Port}{(options.DestinationName is null ? string.Empty : $" ({options.DestinationName})")}";

    // Records left unsent one after another share one line; every other record has its own.
    private static IEnumerable<List<ExportRecordResult>> Runs(IEnumerable<ExportRecordResult> results)
    {
        List<ExportRecordResult>? run = null;
        foreach (var result in results)
        {
            if (run is not null && result.Status == ExportStatus.NotSent && run[^1].Status == ExportStatus.NotSent
                && run[^1].Item.Number + 1 == result.Item.Number && run[^1].Reason == result.Reason)
            {
                run.Add(result);
                continue;
            }

            if (run is not null)
            {
                yield return run;
            }

            run = [result];
        }

        if (run is not null)
        {
            yield return run;
        }
    }

    private static IEnumerable<string> Listed(List<ExportRecordResult> run)
    {
        var first = run[0];
        if (run.Count > 1)
        {
            yield return $"  #{first.Item.Number}-#{run[^1].Item.Number} ({Records(run.Count)}): {first.Message}";
            yield break;
        }

        var reason = first.Status == ExportStatus.NotSent || first.Reason is null ? string.Empty : $" {first.Reason}";
        yield return $"  #{first.Item.Number} {RecordLabel.Of(first.Item.Record)}: {StatusName(first.Status)}{reason} — {first.Message}";
        foreach (var detail in Details(first))
        {
            yield return "  " + detail;
        }
    }

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(' ').Append(key).Append('=').Append(value);
        }
    }
}
