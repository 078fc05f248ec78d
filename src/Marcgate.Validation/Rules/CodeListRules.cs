using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules;

/// <summary>Basic level: coded values against the MARC code lists (languages, countries, geographic areas, relators).</summary>
internal static class CodeListRules
{
    // MARC 21 Bibliographic 041: every subfield except $2, $3, $6, $7, $8 holds language codes.
    private const string LanguageSubfields041 = "abdefghijkmnpqrt";

    // Fields whose $4 is a MARC relator code (MARC 21 Bibliographic X00, X10, X11, 720).
    private static readonly HashSet<string> s_relatorFields = new(StringComparer.Ordinal)
    {
        "100", "110", "111", "600", "610", "611", "700", "710", "711", "720", "800", "810", "811",
    };

    public static void Check(ValidationContext context)
    {
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var occurrence = context.OccurrenceAt(i);
            switch (fields[i])
            {
                case ControlField { Tag: "008" } control:
                    Check008(context, control.Value, occurrence);
                    break;
                case DataField { Tag: "041", Indicator2: ' ' } field:
                    foreach (var subfield in field.Subfields)
                    {
                        if (LanguageSubfields041.Contains(subfield.Code, StringComparison.Ordinal))
                        {
                            CheckLanguages(context, occurrence, subfield);
                        }
                    }

                    break;
                case DataField { Tag: "043" } field:
                    foreach (var value in field.ValuesOf('a'))
                    {
                        CheckCode(context, CodeLists.GeographicAreas, "043", occurrence, 'a', value, "MARC geographic area code");
                    }

                    break;
                case DataField { Tag: "044" } field:
                    foreach (var value in field.ValuesOf('a'))
                    {
                        CheckCode(context, CodeLists.Countries, "044", occurrence, 'a', value.Length == 2 ? value + " " : value, "MARC country code");
                    }

                    break;
                case DataField field when context.Kind == MarcRecordKind.Bibliographic && s_relatorFields.Contains(field.Tag):
                    foreach (var value in field.ValuesOf('4'))
                    {
                        // Since MARC 21 Update 25 (2017) $4 may hold a URI instead of a code.
                        if (!value.Contains(':', StringComparison.Ordinal))
                        {
                            // A trailing period or comma is punctuation, not part of the code.
                            CheckCode(context, CodeLists.Relators, field.Tag, occurrence, '4', value.Trim().TrimEnd('.', ','), "MARC relator code");
                        }
                    }

                    break;
            }
        }
    }

    private static void Check008(ValidationContext context, string value, int occurrence)
    {
        switch (context.Kind)
        {
            case MarcRecordKind.Bibliographic when value.Length >= 40:
                CheckPosition(context, CodeLists.Countries, value, 15, 3, "place of publication", "MARC country code", occurrence, allowFill: true);
                CheckPosition(context, CodeLists.Languages, value, 35, 3, "language", "MARC language code", occurrence, allowFill: true);
                break;
            case MarcRecordKind.Holdings when value.Length >= 25:
                CheckPosition(context, CodeLists.Languages, value, 22, 3, "language", "MARC language code", occurrence, allowFill: true);
                break;
        }
    }

    private static void CheckPosition(ValidationContext context, CodeList list, string value, int start, int width, string name, string what, int occurrence, bool allowFill)
    {
        var code = value.AsSpan(start, width);
        if (allowFill && code.SequenceEqual("|||"))
        {
            return;
        }

        if (list.IsCurrent(code))
        {
            return;
        }

        var where = $"008/{start:00}-{start + width - 1:00}";
        if (list.IsObsolete(code))
        {
            context.Warning(ValidationDiagnosticIds.CodeObsolete, "008", occurrence, $"{where} ({name}): '{Text.Show(code.ToString())}' is an obsolete {what}", position: start);
        }
        else
        {
            context.Error(ValidationDiagnosticIds.CodeNotInList, "008", occurrence, $"{where} ({name}): '{Text.Show(code.ToString())}' is not a {what}", position: start);
        }
    }

    private static void CheckLanguages(ValidationContext context, int occurrence, Subfield subfield)
    {
        var value = subfield.Value;
        if (value.Length == 3)
        {
            CheckCode(context, CodeLists.Languages, "041", occurrence, subfield.Code, value, "MARC language code");
            return;
        }

        if (value.Length > 3 && value.Length % 3 == 0)
        {
            // Before 2001 several codes were strung together in one subfield (MARC 21 041 history).
            context.Warning(ValidationDiagnosticIds.SyntaxInvalid, "041", occurrence, $"041 ${subfield.Code} '{Text.Show(value)}' strings several language codes together; give each its own ${subfield.Code}", subfield: subfield.Code);
            for (var at = 0; at < value.Length; at += 3)
            {
                CheckCode(context, CodeLists.Languages, "041", occurrence, subfield.Code, value.Substring(at, 3), "MARC language code");
            }

            return;
        }

        context.Error(ValidationDiagnosticIds.CodeNotInList, "041", occurrence, $"041 ${subfield.Code} '{Text.Show(value)}' is not a three-letter MARC language code", subfield: subfield.Code);
    }

    private static void CheckCode(ValidationContext context, CodeList list, string tag, int occurrence, char code, string value, string what)
    {
        if (list.IsCurrent(value))
        {
            return;
        }

        if (list.IsObsolete(value))
        {
            context.Warning(ValidationDiagnosticIds.CodeObsolete, tag, occurrence, $"{tag} ${code}: '{Text.Show(value)}' is an obsolete {what}", subfield: code);
        }
        else
        {
            context.Error(ValidationDiagnosticIds.CodeNotInList, tag, occurrence, $"{tag} ${code}: '{Text.Show(value)}' is not a {what}", subfield: code);
        }
    }
}
