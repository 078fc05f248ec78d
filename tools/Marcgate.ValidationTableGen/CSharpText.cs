using System.Globalization;
using System.Text;

namespace Marcgate.ValidationTableGen;

/// <summary>C# literals for generated code; everything outside printable ASCII is escaped so the files stay ASCII.</summary>
internal static class CSharpText
{
    public static string String(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    public static string Char(char value) => value switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        < ' ' or > '~' => "'\\u" + ((int)value).ToString("X4", CultureInfo.InvariantCulture) + "'",
        _ => $"'{value}'",
    };

    public static string NullableString(string? value) => value is null ? "null" : String(value);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";
}
