using Marcgate.Marc;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: the structure of the LC control number (010 $a) and of system control numbers (035 $a).</summary>
internal static class ControlNumberRules
{
    private static readonly string[] s_oclcPrefixes = ["ocm", "ocn", "on"];

    public static void Check(ValidationContext context)
    {
        // Numbers are read where they lie: records carry several 035s, and their $a is all that is looked at.
        Span<char> buffer = stackalloc char[128];
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            switch (fields[i])
            {
                case DataField lccn when context.TagAt(i) == 10:
                    for (var at = lccn.Indexed.IndexOf('a'); at >= 0; at = lccn.Indexed.IndexOf('a', at + 1))
                    {
                        var value = lccn.Indexed.Value(at, buffer);
                        if (!IsLccn(value))
                        {
                            context.Error(ValidationDiagnosticIds.SyntaxInvalid, "010", context.OccurrenceAt(i), $"010 $a '{Text.Show(value)}' is not an LC control number (prefix, 2-digit year and 6-digit serial before 2001; 2-character prefix, 4-digit year and 6-digit serial since)", subfield: 'a');
                        }
                    }

                    break;
                case DataField system when context.TagAt(i) == 35:
                    for (var at = system.Indexed.IndexOf('a'); at >= 0; at = system.Indexed.IndexOf('a', at + 1))
                    {
                        CheckSystemNumber(context, context.OccurrenceAt(i), system.Indexed.Value(at, buffer));
                    }

                    break;
            }
        }
    }

    /// <summary>MARC 21 010 and "Structure of the LC control number": prefix, then yy + 6-digit serial (before 2001) or yyyy + 6-digit serial, then an optional suffix.</summary>
    /// <remarks>The prefix is blank-filled to a fixed width in MARC 21, but many systems strip the blanks; both forms are accepted.</remarks>
    public static bool IsLccn(ReadOnlySpan<char> value)
    {
        var at = 0;
        while (at < value.Length && at < 3 && value[at] is >= 'a' and <= 'z')
        {
            at++;
        }

        while (at < value.Length && value[at] == ' ')
        {
            at++;
        }

        var digits = 0;
        while (at + digits < value.Length && char.IsAsciiDigit(value[at + digits]))
        {
            digits++;
        }

        var rest = at + digits;
        return digits is 8 or 10 && (rest == value.Length || value[rest] is ' ' or '/');
    }

    private static void CheckSystemNumber(ValidationContext context, int occurrence, ReadOnlySpan<char> value)
    {
        // MARC 21 035 $a: "(MARC organization code)number".
        var close = value.IndexOf(')');
        if (!value.StartsWith('(') || close < 2 || close == value.Length - 1)
        {
            context.Error(ValidationDiagnosticIds.SyntaxInvalid, "035", occurrence, $"035 $a '{Text.Show(value)}' is not a system control number of the form (organization code)number", subfield: 'a');
            return;
        }

        if (value.Slice(1, close - 1).SequenceEqual("OCoLC"))
        {
            // OCLC numbers: digits, optionally after ocm/ocn/on (OCLC Bibliographic Formats and Standards, 035).
            var number = value[(close + 1)..];
            foreach (var prefix in s_oclcPrefixes)
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
