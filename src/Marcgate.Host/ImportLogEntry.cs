using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host;

/// <summary>
/// The one log line of an import (docs/observability.md): its fields as structured state, which the JSON console
/// formatter writes as they are (absent values as null), and as <c>key=value</c> text, absent values as <c>-</c>.
/// </summary>
internal readonly struct ImportLogEntry : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly EventId EventId = new(2, "Import");

    public static readonly Func<ImportLogEntry, Exception?, string> Formatter = static (entry, _) => entry.ToString();

    public required string CorrelationId { get; init; }

    public required string Peer { get; init; }

    public string? LogonId { get; init; }

    public string? UserId { get; init; }

    public string? Repository { get; init; }

    /// <summary><c>added</c>, <c>overlaid</c>, <c>unchanged</c>, <c>staged</c>, or <c>refused</c> with a <see cref="Code"/>.</summary>
    public required string Outcome { get; init; }

    public string? Code { get; init; }

    public string? RecordId { get; init; }

    public string? OclcNumber { get; init; }

    public int Bytes { get; init; }

    public int Warnings { get; init; }

    public double ElapsedMs { get; init; }

    /// <summary>For a refused record, the reply's human line after "Import Failed."; null on success.</summary>
    public string? Reason { get; init; }

    public int Count => 13;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("CorrelationId", CorrelationId),
        1 => new("Peer", Peer),
        2 => new("LogonId", LogonId),
        3 => new("UserId", UserId),
        4 => new("Repository", Repository),
        5 => new("Outcome", Outcome),
        6 => new("Code", Code),
        7 => new("RecordId", RecordId),
        8 => new("OclcNumber", OclcNumber),
        9 => new("Bytes", Bytes),
        10 => new("Warnings", Warnings),
        11 => new("ElapsedMs", ElapsedMs),
        12 => new("Reason", Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var text = new StringBuilder(256)
            .Append("Import ").Append(CorrelationId)
            .Append(" peer=").Append(Peer);
        Token(text, " logon=", LogonId);
        Token(text, " user=", UserId);
        Token(text, " repository=", Repository);
        Token(text, " outcome=", Outcome);
        Token(text, " code=", Code);
        Token(text, " record=", RecordId);
        Token(text, " oclc=", OclcNumber);
        text.Append(CultureInfo.InvariantCulture, $" bytes={Bytes} warnings={Warnings} elapsed_ms={ElapsedMs:0.##}");
        if (Reason is not null)
        {
            text.Append(" reason=").Append(Reason.ReplaceLineEndings(" "));
        }

        return text.ToString();
    }

    // Logon and user IDs come from the wire: a space or control character in one must not fake another token or line,
    // so they are escaped as the reply's token values are (gateway §4).
    private static void Token(StringBuilder text, string key, string? value)
    {
        text.Append(key);
        if (string.IsNullOrEmpty(value))
        {
            text.Append('-');
            return;
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c == '\\' || c >= '\u007F')
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }
    }
}
