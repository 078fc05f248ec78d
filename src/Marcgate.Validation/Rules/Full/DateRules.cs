using Marcgate.Marc;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: 008/07-14 (dates) against the date in 260 $c or 264 (second indicator 1, publication) $c.</summary>
internal static class DateRules
{
    // 008/06 codes whose Date 1 is the publication date that 260/264 $c gives (MARC 21 Bibliographic 008/06-14).
    private const string TypesWithPublicationDate = "cdeikmpqrstu";

    public static void Check(ValidationContext context)
    {
        if (context.Kind != MarcRecordKind.Bibliographic || context.ControlValue(8) is not { Length: >= 15 } fixedData)
        {
            return;
        }

        var type = fixedData[6];
        if (!TypesWithPublicationDate.Contains(type, StringComparison.Ordinal))
        {
            return;
        }

        var dates = fixedData.AsSpan(7, 4);
        if (!IsYear(dates) || dates.SequenceEqual("uuuu"))
        {
            return;
        }

        if (PublicationDate(context) is not ({ } field, var at))
        {
            return;
        }

        Span<char> buffer = stackalloc char[128];
        var dateText = field.Indexed.Value(at, buffer);
        var date1 = fixedData.AsSpan(7, 4);
        var date2 = fixedData.AsSpan(11, 4);
        Span<char> year = stackalloc char[4];
        var anyYear = false;
        for (var from = 0; NextYear(dateText, ref from, year);)
        {
            if (Matches(date1, year) || Matches(date2, year))
            {
                return;
            }

            anyYear = true;
        }

        if (anyYear)
        {
            var text = dateText.ToString();
            context.Warning(ValidationDiagnosticIds.DatesDisagree, "008", 1, $"008/07-10 date 1 is '{date1}' but {field.Tag} $c '{Text.Show(text)}' gives {string.Join(", ", Years(text))}", position: 7);
        }
    }

    // The field and index of the $c that gives the date: 260 first, else 264 with second indicator 1 (publication).
    private static (DataField? Field, int Index) PublicationDate(ValidationContext context)
    {
        var fields = context.Record.Fields;
        for (var at = context.IndexOf(260); at >= 0; at = context.IndexOf(260, at + 1))
        {
            if (fields[at] is DataField field && field.Indexed.IndexOf('c') is var c and >= 0)
            {
                return (field, c);
            }
        }

        for (var at = context.IndexOf(264); at >= 0; at = context.IndexOf(264, at + 1))
        {
            if (fields[at] is DataField { Indicator2: '1' } field && field.Indexed.IndexOf('c') is var c and >= 0)
            {
                return (field, c);
            }
        }

        return (null, -1);
    }

    /// <summary>Four-character years in a date statement; "199-?" and "19--" become "199u" and "19uu".</summary>
    public static List<string> Years(string text)
    {
        var years = new List<string>();
        Span<char> year = stackalloc char[4];
        for (var from = 0; NextYear(text, ref from, year);)
        {
            years.Add(year.ToString());
        }

        return years;
    }

    // The next year in text at or after from, into year; from moves past where the year starts.
    private static bool NextYear(ReadOnlySpan<char> text, ref int from, Span<char> year)
    {
        for (var i = from; i + 4 <= text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiDigit(text[i - 1])) || text[i] == '0')
            {
                continue;
            }

            var length = 0;
            while (length < 4 && i + length < text.Length && (char.IsAsciiDigit(text[i + length]) || (length >= 2 && text[i + length] == '-')))
            {
                year[length] = text[i + length] == '-' ? 'u' : text[i + length];
                length++;
            }

            if (length == 4 && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4])))
            {
                from = i + 1;
                return true;
            }
        }

        from = text.Length;
        return false;
    }

    // Four digits, some of them 'u' (unknown).
    private static bool IsYear(ReadOnlySpan<char> date)
    {
        foreach (var c in date)
        {
            if (!char.IsAsciiDigit(c) && c != 'u')
            {
                return false;
            }
        }

        return true;
    }

    // 'u' in either date stands for an unknown digit.
    private static bool Matches(ReadOnlySpan<char> fixedDate, ReadOnlySpan<char> year)
    {
        for (var i = 0; i < 4; i++)
        {
            if (fixedDate[i] != year[i] && fixedDate[i] != 'u' && year[i] != 'u')
            {
                return false;
            }
        }

        return true;
    }
}
