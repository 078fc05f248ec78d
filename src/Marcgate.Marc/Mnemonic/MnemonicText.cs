using System.Globalization;
using System.Text;

namespace Marcgate.Marc.Mnemonic;

/// <summary>Decoding of the <c>{name}</c>, <c>{U+XXXX}</c> and <c>{$xx}</c> forms inside mnemonic text.</summary>
internal static class MnemonicText
{
    /// <summary>Replaces mnemonics; unknown ones stay as written and are passed to <paramref name="unknown"/>.</summary>
    /// <param name="text">The text as read (MARC-8 bytes one per char, or Unicode).</param>
    /// <param name="marc8">True when the record is MARC-8: mnemonics become MARC-8 bytes.</param>
    /// <param name="blankMarker">True for the leader, control fields and indicators, where <c>\</c> stands for a blank.</param>
    /// <param name="unknown">Receives the index and name of each mnemonic that is not in the table.</param>
    public static string Decode(ReadOnlySpan<char> text, bool marc8, bool blankMarker, Action<int, string>? unknown)
    {
        if (text.IndexOfAny('{', '\\') < 0)
        {
            return new string(text);
        }

        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && blankMarker)
            {
                output.Append(' ');
                continue;
            }

            if (c != '{')
            {
                output.Append(c);
                continue;
            }

            var close = text[(i + 1)..].IndexOf('}');
            if (close < 0 || !TryAppend(text.Slice(i + 1, close), marc8, output))
            {
                if (close > 0 && unknown is not null)
                {
                    unknown(i, new string(text.Slice(i + 1, close)));
                }

                output.Append('{');
                continue;
            }

            i += close + 1;
        }

        return output.ToString();
    }

    private static bool TryAppend(ReadOnlySpan<char> name, bool marc8, StringBuilder output)
    {
        if (name.StartsWith("U+", StringComparison.Ordinal)
            && name.Length is >= 6 and <= 8
            && int.TryParse(name[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint)
            && codePoint <= 0x10FFFF && codePoint is < 0xD800 or > 0xDFFF)
        {
            if (marc8)
            {
                // MARC 21 Specifications, Character Sets Part 3: a character MARC-8 lacks is written as a numeric character reference.
                output.Append(CultureInfo.InvariantCulture, $"&#x{codePoint:X4};");
            }
            else
            {
                output.Append(char.ConvertFromUtf32(codePoint));
            }

            return true;
        }

        if (name.Length == 3 && name[0] == '$' && byte.TryParse(name[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
        {
            output.Append((char)b);
            return true;
        }

        if (!MnemonicTable.Instance.TryGet(new string(name), out var entry))
        {
            return false;
        }

        output.Append(marc8 ? (char)entry.Marc8 : (char)entry.CodePoint);
        return true;
    }
}
