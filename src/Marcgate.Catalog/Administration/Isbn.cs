using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Marcgate.Catalog.Administration;

/// <summary>ISBNs as a search compares them: 13 digits, an ISBN-10 turned into its ISBN-13 (ISO 2108), hyphens and spaces ignored.</summary>
internal static class Isbn
{
    /// <summary>Reads the ISBN at the start of a text such as 020 $a (<c>0-316-76948-7 (pbk.)</c>) as its 13 digits.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? isbn13)
    {
        isbn13 = null;
        if (text is null)
        {
            return false;
        }

        var digits = new StringBuilder(13);
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsAsciiDigit(c) || c is 'X' or 'x')
            {
                digits.Append(char.ToUpperInvariant(c));
            }
            else if (c is not '-' and not ' ')
            {
                // MARC 21 020 $a: qualifiers such as "(pbk.)" follow the number.
                break;
            }
            else if (c == ' ' && digits.Length is 10 or 13)
            {
                break;
            }
        }

        var value = digits.ToString();
        if (value.Length == 13 && value.All(char.IsAsciiDigit))
        {
            isbn13 = value;
            return true;
        }

        if (value.Length == 10 && value[..9].All(char.IsAsciiDigit))
        {
            // ISO 2108: prefix 978, drop the ISBN-10 check digit, compute the EAN-13 one.
            var body = "978" + value[..9];
            var sum = 0;
            for (var i = 0; i < body.Length; i++)
            {
                sum += (body[i] - '0') * (i % 2 == 0 ? 1 : 3);
            }

            isbn13 = body + (char)('0' + ((10 - (sum % 10)) % 10));
            return true;
        }

        return false;
    }
}
