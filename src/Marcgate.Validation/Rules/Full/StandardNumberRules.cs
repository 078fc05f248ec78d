using Marcgate.Marc;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: ISBN (020 $a, ISO 2108) and ISSN (022 $a and $l, ISO 3297) check digits.</summary>
internal static class StandardNumberRules
{
    public static void Check(ValidationContext context)
    {
        Span<char> buffer = stackalloc char[128];
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            switch (fields[i])
            {
                case DataField isbn when context.TagAt(i) == 20:
                    for (var at = isbn.Indexed.IndexOf('a'); at >= 0; at = isbn.Indexed.IndexOf('a', at + 1))
                    {
                        CheckIsbn(context, context.OccurrenceAt(i), isbn.Indexed.Value(at, buffer));
                    }

                    break;
                case DataField issn when context.TagAt(i) == 22:
                    for (var at = 0; at < issn.Indexed.Count; at++)
                    {
                        var code = issn.Indexed.Code(at);
                        if (code is 'a' or 'l')
                        {
                            CheckIssn(context, context.OccurrenceAt(i), code, issn.Indexed.Value(at, buffer));
                        }
                    }

                    break;
            }
        }
    }

    private static void CheckIsbn(ValidationContext context, int occurrence, ReadOnlySpan<char> value)
    {
        // 020 $a holds the number, optionally followed by a qualifier: "0786816155 (pbk.)".
        Span<char> number = stackalloc char[13];
        var length = LeadingNumber(value, number);
        if (length is not (10 or 13))
        {
            context.Error(ValidationDiagnosticIds.CheckDigitInvalid, "020", occurrence, $"020 $a '{Text.Show(value)}' does not start with a 10- or 13-digit ISBN", subfield: 'a');
            return;
        }

        ReadOnlySpan<char> digits = number[..length];
        var token = value.TrimStart();
        token = token.IndexOf(' ') is var space and >= 0 ? token[..space] : token;
        if (token.Contains('-'))
        {
            // MARC 21 020 $a: the ISBN is recorded without hyphens (display constant, not data).
            context.Warning(ValidationDiagnosticIds.SyntaxInvalid, "020", occurrence, $"020 $a '{Text.Show(value)}': record the ISBN without hyphens", subfield: 'a');
        }

        var valid = length == 10 ? IsValidIsbn10(digits) : IsValidIsbn13(digits);
        if (!valid)
        {
            context.Error(ValidationDiagnosticIds.CheckDigitInvalid, "020", occurrence, $"020 $a: the check digit of ISBN {digits} is wrong (an invalid ISBN belongs in $z)", subfield: 'a');
        }
    }

    private static void CheckIssn(ValidationContext context, int occurrence, char code, ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length != 9 || trimmed[4] != '-' || !SyntaxRules.AllDigits(trimmed[..4]) || !SyntaxRules.AllDigits(trimmed.Slice(5, 3))
            || !(char.IsAsciiDigit(trimmed[8]) || trimmed[8] == 'X'))
        {
            context.Error(ValidationDiagnosticIds.CheckDigitInvalid, "022", occurrence, $"022 ${code} '{Text.Show(value)}' is not an ISSN of the form NNNN-NNNC", subfield: code);
            return;
        }

        Span<char> eight = stackalloc char[8];
        trimmed[..4].CopyTo(eight);
        trimmed[5..].CopyTo(eight[4..]);
        if (!IsValidIssn(eight))
        {
            context.Error(ValidationDiagnosticIds.CheckDigitInvalid, "022", occurrence, $"022 ${code}: the check digit of ISSN {trimmed} is wrong (an incorrect ISSN belongs in $y)", subfield: code);
        }
    }

    // The digits (and X) the value starts with, hyphens skipped, upper-cased into number; how many there are, or one more
    // than number holds when there are too many.
    private static int LeadingNumber(ReadOnlySpan<char> value, Span<char> number)
    {
        var length = 0;
        foreach (var c in value.TrimStart())
        {
            if (char.IsAsciiDigit(c) || c is 'X' or 'x')
            {
                if (length == number.Length)
                {
                    return length + 1;
                }

                number[length++] = char.ToUpperInvariant(c);
            }
            else if (c != '-')
            {
                break;
            }
        }

        return length;
    }

    /// <summary>ISO 2108 ISBN-10: weights 10..1, sum divisible by 11, 'X' is 10 in the last place.</summary>
    public static bool IsValidIsbn10(ReadOnlySpan<char> number)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            int digit;
            if (number[i] == 'X')
            {
                if (i != 9)
                {
                    return false;
                }

                digit = 10;
            }
            else
            {
                digit = number[i] - '0';
            }

            sum += digit * (10 - i);
        }

        return sum % 11 == 0;
    }

    /// <summary>ISO 2108 ISBN-13 (EAN-13): weights 1,3 alternating, sum divisible by 10.</summary>
    public static bool IsValidIsbn13(ReadOnlySpan<char> number)
    {
        var sum = 0;
        for (var i = 0; i < 13; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return false;
            }

            sum += (number[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return sum % 10 == 0;
    }

    /// <summary>ISO 3297 ISSN: weights 8..2 on the first seven digits; check = (11 - sum mod 11) mod 11, 10 written 'X'.</summary>
    public static bool IsValidIssn(ReadOnlySpan<char> eight)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (eight[i] - '0') * (8 - i);
        }

        var check = (11 - (sum % 11)) % 11;
        return eight[7] == (check == 10 ? 'X' : (char)('0' + check));
    }
}
