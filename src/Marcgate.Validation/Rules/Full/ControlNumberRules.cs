using Marcgate.Marc;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: the structure of the LC control number (010 $a) and of system control numbers (035 $a).</summary>
internal static class ControlNumberRules
{
    public static void Check(ValidationContext context)
    {
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            switch (fields[i])
            {
                case DataField { Tag: "010" } lccn:
                    foreach (var value in lccn.ValuesOf('a'))
                    {
                        if (!IsLccn(value))
                        {
                            context.Error(ValidationDiagnosticIds.SyntaxInvalid, "010", context.OccurrenceAt(i), $"010 $a '{Text.Show(value)}' is not an LC control number (prefix, 2-digit year and 6-digit serial before 2001; 2-character prefix, 4-digit year and 6-digit serial since)", subfield: 'a');
                        }
                    }

                    break;
                case DataField { Tag: "035" } system:
                    foreach (var value in system.ValuesOf('a'))
                    {
                        CheckSystemNumber(context, context.OccurrenceAt(i), value);
                    }

                    break;
            }
        }
    }

    /// <summary>MARC 21 010 and "Structure of the LC control number": 12 characters, blank-filled prefix, optional supplement.</summary>
    public static bool IsLccn(string value)
    {
        // 1-3 character lowercase prefix, left-justified and blank-filled to 3, then 8 digits (yy + serial), then a
        // suffix/revision (blank, or /AC/r… etc.); or since 2001: 2-character prefix then 10 digits (yyyy + serial).
        if (value.Length >= 11 && IsPrefix(value.AsSpan(0, 3)) && SyntaxRules.AllDigits(value.AsSpan(3, 8)) && (value.Length == 11 || !char.IsAsciiDigit(value[11])))
        {
            return true;
        }

        return value.Length == 12 && IsPrefix(value.AsSpan(0, 2)) && SyntaxRules.AllDigits(value.AsSpan(2, 10));
    }

    private static bool IsPrefix(ReadOnlySpan<char> prefix)
    {
        foreach (var c in prefix)
        {
            if (c is not (' ' or (>= 'a' and <= 'z')))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckSystemNumber(ValidationContext context, int occurrence, string value)
    {
        // MARC 21 035 $a: "(MARC organization code)number".
        var close = value.IndexOf(')', StringComparison.Ordinal);
        if (!value.StartsWith('(') || close < 2 || close == value.Length - 1)
        {
            context.Error(ValidationDiagnosticIds.SyntaxInvalid, "035", occurrence, $"035 $a '{Text.Show(value)}' is not a system control number of the form (organization code)number", subfield: 'a');
            return;
        }

        if (value.AsSpan(1, close - 1).SequenceEqual("OCoLC"))
        {
            // OCLC numbers: digits, optionally after ocm/ocn/on (OCLC Bibliographic Formats and Standards, 035).
            var number = value.AsSpan(close + 1);
            foreach (var prefix in (string[])["ocm", "ocn", "on"])
            {
                if (number.StartsWith(prefix, StringComparison.Ordinal))
                {
                    number = number[prefix.Length..];
                    break;
                }
            }

            if (number.IsEmpty || !SyntaxRules.AllDigits(number.Trim()))
            {
                context.Error(ValidationDiagnosticIds.SyntaxInvalid, "035", occurrence, $"035 $a '{Text.Show(value)}': an OCLC number is digits after (OCoLC)", subfield: 'a');
            }
        }
    }
}
