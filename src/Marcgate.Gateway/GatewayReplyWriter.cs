using System.Text;

namespace Marcgate.Gateway;

/// <summary>Writes a <see cref="GatewayReply"/> as gateway §4 lays it down: the human line, any <c>Warning: </c> lines, the <c>key=value</c> line, each ended by CR LF, then NUL.</summary>
/// <remarks>Everything written is printable ASCII: other characters become <c>\uXXXX</c> (UTF-16 units), so a value can
/// never break a line, a token or the NUL framing.</remarks>
public static class GatewayReplyWriter
{
    /// <summary>The reply's bytes, ending with its NUL.</summary>
    public static byte[] Write(GatewayReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder(160);
        if (reply.Ok)
        {
            text.Append(GatewayReplyText.SuccessPrefix).Append(" Record ");
            AppendEscaped(text, reply.RecordId ?? "?", escapeSpace: false);
            text.Append(' ').Append(GatewayReplyText.ForAction(reply.Action ?? GatewayReplyCodes.Added)).Append(' ');
            AppendEscaped(text, reply.Repository ?? "?", escapeSpace: false);
            if (reply.OclcNumber is not null)
            {
                text.Append(" (OCLC ");
                AppendEscaped(text, reply.OclcNumber, escapeSpace: false);
                text.Append(')');
            }

            text.Append('.');
        }
        else
        {
            text.Append(GatewayReplyText.FailurePrefix).Append(' ');
            AppendEscaped(text, reply.Message ?? GatewayReplyText.ForCode(reply.Code ?? GatewayReplyCodes.ServerError), escapeSpace: false);
        }

        text.Append("\r\n");
        foreach (var warning in reply.Warnings)
        {
            text.Append(GatewayReplyText.WarningPrefix);
            AppendEscaped(text, warning, escapeSpace: false);
            text.Append("\r\n");
        }

        AppendStatusLine(text, reply);
        text.Append("\r\n\0");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The reply's <c>key=value</c> line alone, without its CR LF: what a log or a script records.</summary>
    public static string StatusLine(GatewayReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = new StringBuilder(96);
        AppendStatusLine(text, reply);
        return text.ToString();
    }

    private static void AppendStatusLine(StringBuilder text, GatewayReply reply)
    {
        if (reply.Ok)
        {
            text.Append("status=").Append(GatewayReplyCodes.Ok);
            AppendToken(text, "action", reply.Action ?? GatewayReplyCodes.Added);
            AppendToken(text, "repository", reply.Repository);
            AppendToken(text, "record", reply.RecordId);
            AppendToken(text, "oclc", reply.OclcNumber);
            AppendToken(text, "warnings", reply.Warnings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append("status=").Append(GatewayReplyCodes.Error);
            AppendToken(text, "code", reply.Code ?? GatewayReplyCodes.ServerError);
        }
    }

    private static void AppendToken(StringBuilder text, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        text.Append(' ').Append(key).Append('=');
        AppendEscaped(text, value, escapeSpace: true);
    }

    // §4: non-ASCII as \uXXXX. Controls and the backslash too, so the escape reads back unambiguously; spaces inside
    // a key=value token as well, since tokens are separated by spaces.
    private static void AppendEscaped(StringBuilder text, string value, bool escapeSpace)
    {
        foreach (var c in value)
        {
            if ((c is >= '!' and <= '~' && c != '\\') || (c == ' ' && !escapeSpace))
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
