using System.Globalization;
using System.Text;

namespace Marcgate.Validation.Rules;

/// <summary>Renders record data inside messages so that blanks and control characters are visible.</summary>
internal static class Text
{
    public static string Show(char value) => value switch
    {
        ' ' => "#",
        < ' ' or (>= '\u007f' and < '\u00a0') => $"\\x{(int)value:X2}",
        _ => value.ToString(),
    };

    /// <summary>A value as MARC documentation shows it: blanks as '#', control bytes as hex, cut to a readable length.</summary>
    public static string Show(string value, int max = 40)
    {
        if (value.Length <= max && !NeedsShowing(value))
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

    /// <summary>Characters read into a buffer, shown as <see cref="Show(string, int)"/> shows a string.</summary>
    public static string Show(ReadOnlySpan<char> value, int max = 40) => Show(value.ToString(), max);

    // True when Show(char) writes a character of the value differently: the blank, C0 controls, DEL and C1 controls.
    private static bool NeedsShowing(string value)
    {
        foreach (var c in value)
        {
            if (c <= ' ' || c is >= '\u007f' and < '\u00a0')
            {
                return true;
            }
        }

        return false;
    }

    public static string Ordinal(int which) => which switch
    {
        1 => "first",
        2 => "second",
        _ => which.ToString(CultureInfo.InvariantCulture),
    };
}
