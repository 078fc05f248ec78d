using System.Globalization;
using System.Text;

namespace Marcgate.Export.Pipeline;

/// <summary>The one summary an export prints at the end (gateway §6: one summary, not one window per record).</summary>
public static class ExportSummary
{
    /// <summary>One line for a record: number, source, status, and the host's reply tokens or the failure.</summary>
    public static string Line(ExportRecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"#{result.Item.Number} {result.Item.Source}: {result.Status.ToString().ToLowerInvariant()}");
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

    /// <summary>The detail lines under a record's line: warnings and reasons.</summary>
    public static IEnumerable<string> Details(ExportRecordResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var warning in result.Reply?.Warnings ?? [])
        {
            yield return "    Warning: " + warning;
        }

        foreach (var reason in result.Reasons)
        {
            yield return "    " + reason.TrimStart();
        }
    }

    /// <summary>The totals line.</summary>
    public static string Totals(IReadOnlyCollection<ExportRecordResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counts = Enum.GetValues<ExportStatus>()
            .Select(s => (Status: s, Count: results.Count(r => r.Status == s)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Status.ToString().ToLowerInvariant()}");
        return $"{results.Count} record(s): {string.Join(", ", counts)}";
    }

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(' ').Append(key).Append('=').Append(value);
        }
    }
}
