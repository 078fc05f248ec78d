using System.Buffers;
using System.Globalization;
using System.Text;

namespace Marcgate.Validation.Rules;

/// <summary>Renders record data inside messages so that blanks and control characters are visible.</summary>
internal static class Text
{
    // Characters that Show(char) writes differently: the blank, C0 controls, DEL and C1 controls.
    private static readonly SearchValues<char> s_shownOtherwise = SearchValues.Create(CreateShownOtherwise());

    public static string Show(char value) => value switch
    {
        ' ' => "#",
        < ' ' or (>= '\u007f' and < '\u00a0') => $"\\x{(int)value:X2}",
        _ => value.ToString(),
    };

    /// <summary>A value as MARC documentation shows it: blanks as '#', control bytes as hex, cut to a readable length.</summary>
    public static string Show(string value, int max = 40)
    {
        if (value.Length <= max && value.AsSpan().IndexOfAny(s_shownOtherwise) < 0)
        {
            // Most values are shown as they are.
            return value;
        }

        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            text.Append(Show(c));
        }

        if (value.Length > max)
        {
            text.Append('…');
        }

        return text.ToString();
    }

    private static string CreateShownOtherwise()
    {
        var chars = new StringBuilder(" ");
        for (var c = '\u0000'; c < ' '; c++)
        {
            chars.Append(c);
        }

        for (var c = '\u007f'; c < '\u00a0'; c++)
        {
            chars.Append(c);
        }

        return chars.ToString();
    }

    public static string Ordinal(int which) => which switch
    {
        1 => "first",
        2 => "second",
        _ => which.ToString(CultureInfo.InvariantCulture),
    };
}
