using System.Globalization;
using System.Text;

namespace Marcgate.Gateway.Client;

/// <summary>A host's reply (gateway §4): a human line, <c>Warning: </c> lines and a <c>key=value</c> line.</summary>
/// <remarks>
/// Hosts other than Marcgate send only a sentence (FOLIO's <c>Import ok</c>, Koha's messages); then
/// <see cref="Values"/> is empty and <see cref="Accepted"/> is judged from the wording.
/// </remarks>
public sealed class HostReply
{
    private static readonly string[] s_failureWords = ["fail", "unsuccessful", "error", "invalid", "denied", "reject", "not authorized", "unauthorized"];

    private HostReply(string text, GatewayReplyEnd end, IReadOnlyList<string> lines, IReadOnlyDictionary<string, string> values)
    {
        Text = text;
        End = end;
        Values = values;
        HumanLine = lines.Count > 0 ? lines[0] : string.Empty;
        Warnings = [.. lines.Where(l => l.StartsWith("Warning: ", StringComparison.Ordinal)).Select(l => Unescape(l["Warning: ".Length..]))];
    }

    /// <summary>The whole reply text without the NUL, as received (Latin-1 for non-ASCII bytes).</summary>
    public string Text { get; }

    /// <summary>Whether the reply ended with NUL or with the host closing.</summary>
    public GatewayReplyEnd End { get; }

    /// <summary>The first line, for people.</summary>
    public string HumanLine { get; }

    /// <summary>The <c>Warning: </c> lines, without the prefix.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The tokens of the <c>key=value</c> line, unescaped; empty for hosts that send none.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The <c>status</c> token (<c>ok</c> or <c>error</c>), or null when the host sent none.</summary>
    public string? Status => Values.GetValueOrDefault("status");

    /// <summary>The <c>action</c> token: <c>added</c>, <c>overlaid</c>, <c>unchanged</c> or <c>staged</c>.</summary>
    public string? Action => Values.GetValueOrDefault("action");

    /// <summary>The <c>code</c> token of an error reply (<c>logon-failed</c>, <c>invalid-record</c>, …).</summary>
    public string? Code => Values.GetValueOrDefault("code");

    /// <summary>The <c>record</c> token: the host's record ID.</summary>
    public string? RecordId => Values.GetValueOrDefault("record");

    /// <summary>The <c>repository</c> token.</summary>
    public string? Repository => Values.GetValueOrDefault("repository");

    /// <summary>The <c>oclc</c> token.</summary>
    public string? OclcNumber => Values.GetValueOrDefault("oclc");

    /// <summary>True when the host accepted the record: <c>status=ok</c>, or, without a status token, a sentence that does not speak of failure.</summary>
    public bool Accepted => Status switch
    {
        GatewayReplyCodes.Ok => true,
        null => HumanLine.Length > 0 && !s_failureWords.Any(w => Text.Contains(w, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    /// <summary>Parses the reply text (without its NUL).</summary>
    public static HostReply Parse(ReadOnlySpan<byte> bytes, GatewayReplyEnd end)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);

        // §4: the key=value line is the last one; it is recognised by its status token.
        if (lines.Count > 0 && TryParseValues(lines[^1], values))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new HostReply(text, end, lines, values);
    }

    /// <inheritdoc />
    public override string ToString() => Text.TrimEnd();

    private static bool TryParseValues(string line, Dictionary<string, string> values)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens.Any(t => t.IndexOf('=', StringComparison.Ordinal) <= 0) || !tokens.Any(t => t.StartsWith("status=", StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var token in tokens)
        {
            var at = token.IndexOf('=', StringComparison.Ordinal);
            values[token[..at]] = Unescape(token[(at + 1)..]);
        }

        return true;
    }

    // §4: non-ASCII in values is written as \uXXXX.
    private static string Unescape(string value)
    {
        if (!value.Contains("\\u", StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 5 < value.Length && value[i + 1] == 'u'
                && ushort.TryParse(value.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 5;
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
