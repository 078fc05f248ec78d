using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules;

/// <summary>Basic level: coded values against the MARC code lists (languages, countries, geographic areas, relators).</summary>
internal static class CodeListRules
{
    // MARC 21 Bibliographic 041: every subfield except $2, $3, $6, $7, $8 holds language codes.
    private const string LanguageSubfields041 = "abdefghijkmnpqrt";

    // Fields whose $4 is a MARC relator code (MARC 21 Bibliographic X00, X10, X11, 720).
    private static bool IsRelatorField(int tag) => tag is 100 or 110 or 111 or 600 or 610 or 611 or 700 or 710 or 711 or 720 or 800 or 810 or 811;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ValidationContext context)
    {
        // Codes are read where they lie (into this buffer) rather than as strings.
        Span<char> buffer = stackalloc char[64];
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var tag = context.TagAt(i);
            if (tag is not (8 or 41 or 43 or 44) && !IsRelatorField(tag))
            {
                // Most fields hold no coded values from these lists.
                continue;
            }

            var occurrence = context.OccurrenceAt(i);
            switch (fields[i])
            {
                case ControlField control when tag == 8:
                    Check008(context, control.Value, occurrence);
                    break;
                case DataField { Indicator2: ' ' } field when tag == 41:
                    foreach (var subfield in CollectionsMarshal.AsSpan(field.Subfields))
                    {
                        if (LanguageSubfields041.Contains(subfield.Code, StringComparison.Ordinal))
                        {
                            CheckLanguages(context, occurrence, subfield);
                        }
                    }

                    break;
                case DataField field when tag == 43:
                    for (var at = field.Indexed.IndexOf('a'); at >= 0; at = field.Indexed.IndexOf('a', at + 1))
                    {
                        CheckCode(context, CodeLists.GeographicAreas, "043", occurrence, 'a', field.Indexed.Value(at, buffer), "MARC geographic area code");
                    }

                    break;
                case DataField field when tag == 44:
                    foreach (var subfield in CollectionsMarshal.AsSpan(field.Subfields))
                    {
                        if (subfield.Code == 'a')
                        {
                            var value = subfield.Value;
                            CheckCode(context, CodeLists.Countries, "044", occurrence, 'a', value.Length == 2 ? value + " " : value, "MARC country code");
                        }
                    }

                    break;
                case DataField field when context.Kind == MarcRecordKind.Bibliographic && IsRelatorField(tag):
                    // Only the $4s are decoded: name fields are many, and most have none.
                    for (var at = field.Indexed.IndexOf('4'); at >= 0; at = field.Indexed.IndexOf('4', at + 1))
                    {
                        // Since MARC 21 Update 25 (2017) $4 may hold a URI instead of a code.
                        var value = field.Indexed.Value(at, buffer);
                        if (!value.Contains(':'))
                        {
                            // A trailing period or comma is punctuation, not part of the code.
                            CheckCode(context, CodeLists.Relators, field.Tag, occurrence, '4', value.Trim().TrimEnd(".,"), "MARC relator code");
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
            context.Warning(ValidationDiagnosticIds.CodeObsolete, "008", occurrence, $"{where} ({name}): '{Text.Show(code)}' is an obsolete {what}", position: start);
        }
        else
        {
            context.Error(ValidationDiagnosticIds.CodeNotInList, "008", occurrence, $"{where} ({name}): '{Text.Show(code)}' is not a {what}", position: start);
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
                CheckCode(context, CodeLists.Languages, "041", occurrence, subfield.Code, value.AsSpan(at, 3), "MARC language code");
            }

            return;
        }

        context.Error(ValidationDiagnosticIds.CodeNotInList, "041", occurrence, $"041 ${subfield.Code} '{Text.Show(value)}' is not a three-letter MARC language code", subfield: subfield.Code);
    }

    private static void CheckCode(ValidationContext context, CodeList list, string tag, int occurrence, char code, ReadOnlySpan<char> value, string what)
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
