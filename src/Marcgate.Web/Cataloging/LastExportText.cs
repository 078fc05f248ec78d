using System.Globalization;
using System.Text.RegularExpressions;

namespace Marcgate.Web.Cataloging;

/// <summary>
/// What a saved record says of its last export, for people: when, the outcome, and the host's own words, instead of the
/// exporter's log line (<c>#1 save file #1: accepted action=replace record=000001 — …</c>).
/// </summary>
internal static partial class LastExportText
{
    private const string Dash = " — ";

    /// <summary>The text kept with the record: <c>2026-12-07 17:27 UTC: accepted — Record 000001 replaced in NETWORK …</c>.</summary>
    /// <param name="line">The exporter's line for the record (<see cref="Export.Pipeline.ExportSummary.Line"/>).</param>
    /// <param name="when">When the record was exported.</param>
    public static string From(string line, DateTimeOffset when)
    {
        ArgumentNullException.ThrowIfNull(line);

        // "#N SOURCE: " goes: the record's own page and row say which record it is.
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var rest = line.StartsWith('#') && colon > 0 ? line[(colon + 2)..] : line;
        var dash = rest.IndexOf(Dash, StringComparison.Ordinal);
        var head = dash < 0 ? rest : rest[..dash];
        var message = dash < 0 ? string.Empty : WithoutFolder(rest[(dash + Dash.Length)..].Trim());

        // The host's reply fields (action=, record=, code=, warnings=, attempts=) are in its message already.
        var outcome = ReplyField().Replace(head, string.Empty).Trim();
        var text = when.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC: " + outcome;
        return message.Length == 0 ? text : text + Dash + message;
    }

    /// <summary>The short form for the save file's list: the time and the outcome, without the host's words.</summary>
    public static string? Short(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var dash = text.IndexOf(Dash, StringComparison.Ordinal);
        return dash < 0 ? text : text[..dash];
    }

    /// <summary>
    /// "written to FILE" names the file alone: an export to a file is written in a temporary folder of the host, which
    /// is gone once the file is kept for download, and its path is nothing to the cataloger.
    /// </summary>
    public static string WithoutFolder(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        const string Written = "written to ";
        return message.StartsWith(Written, StringComparison.Ordinal) ? Written + Path.GetFileName(message[Written.Length..]) : message;
    }

    [GeneratedRegex(@"\s+[a-z]+=\S+")]
    private static partial Regex ReplyField();
}
