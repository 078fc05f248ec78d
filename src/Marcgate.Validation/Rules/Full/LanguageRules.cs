using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: 008/35-37 against 041, and 040 $b (language of cataloging) against the MARC language list.</summary>
internal static class LanguageRules
{
    // 008/35-37 values that are not a single language and so need not head 041 $a.
    private static readonly string[] s_notOneLanguage = ["   ", "|||", "mul", "und", "zxx", "sgn"];

    public static void Check(ValidationContext context)
    {
        if (context.Kind == MarcRecordKind.Holdings)
        {
            return;
        }

        CheckCatalogingLanguage(context);
        if (context.Kind == MarcRecordKind.Bibliographic)
        {
            CheckAgainst041(context);
        }
    }

    private static void CheckCatalogingLanguage(ValidationContext context)
    {
        Span<char> buffer = stackalloc char[64];
        var occurrence = 0;
        var fields = context.Record.Fields;
        for (var at = context.IndexOf(40); at >= 0; at = context.IndexOf(40, at + 1))
        {
            if (fields[at] is not DataField field)
            {
                continue;
            }

            occurrence++;
            for (var b = field.Indexed.IndexOf('b'); b >= 0; b = field.Indexed.IndexOf('b', b + 1))
            {
                var value = field.Indexed.Value(b, buffer);
                if (CodeLists.Languages.IsCurrent(value))
                {
                    continue;
                }

                if (CodeLists.Languages.IsObsolete(value))
                {
                    context.Warning(ValidationDiagnosticIds.CodeObsolete, "040", occurrence, $"040 $b (language of cataloging) '{Text.Show(value)}' is an obsolete MARC language code", subfield: 'b');
                }
                else
                {
                    context.Error(ValidationDiagnosticIds.CodeNotInList, "040", occurrence, $"040 $b (language of cataloging) '{Text.Show(value)}' is not a MARC language code", subfield: 'b');
                }
            }
        }
    }

    private static void CheckAgainst041(ValidationContext context)
    {
        if (context.ControlValue(8) is not { Length: >= 38 } fixedData || context.FirstDataField(41) is not { Indicator2: ' ' } field041)
        {
            return;
        }

        var language = fixedData.Substring(35, 3);
        if (Array.IndexOf(s_notOneLanguage, language) >= 0)
        {
            return;
        }

        // MARC 21 Bibliographic 041: the first $a (or $d for sound) is the language in 008/35-37.
        var first = field041['a'] ?? field041['d'];
        if (first is null)
        {
            return;
        }

        if (!Lists(field041, language))
        {
            var codes = new List<string>();
            foreach (var subfield in field041.Subfields)
            {
                if (subfield.Code is 'a' or 'd')
                {
                    codes.AddRange(Split(subfield.Value));
                }
            }

            context.Error(ValidationDiagnosticIds.LanguageDisagrees, "008", 1, $"008/35-37 language is '{Text.Show(language)}' but 041 $a/$d lists {string.Join(", ", codes)}", position: 35);
        }
        else if (!first.StartsWith(language, StringComparison.Ordinal))
        {
            context.Warning(ValidationDiagnosticIds.LanguageDisagrees, "041", 1, $"008/35-37 language '{Text.Show(language)}' should be the first code in 041 (it starts with '{Text.Show(first)}')", subfield: 'a');
        }
    }

    // Whether a three-letter slot of 041 $a or $d holds the language.
    private static bool Lists(DataField field041, string language)
    {
        foreach (var subfield in field041.Subfields)
        {
            if (subfield.Code is not ('a' or 'd'))
            {
                continue;
            }

            var value = subfield.Value.AsSpan();
            for (var at = 0; at + 3 <= value.Length; at += 3)
            {
                if (value.Slice(at, 3).SequenceEqual(language))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> Split(string value)
    {
        for (var at = 0; at + 3 <= value.Length; at += 3)
        {
            yield return value.Substring(at, 3);
        }
    }
}
