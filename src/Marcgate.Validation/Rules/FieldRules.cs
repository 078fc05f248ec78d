using System.Runtime.CompilerServices;
using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules;

/// <summary>Basic level: every tag, indicator and subfield code against the format's generated tables.</summary>
internal static class FieldRules
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ValidationContext context, FormatDefinition format)
    {
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var occurrence = context.OccurrenceAt(i);
            if (context.TagAt(i) == 880)
            {
                // 880 takes the rules of the field it stands for; checked at Full (LinkageRules).
                continue;
            }

            var definition = format.Find(context.TagAt(i), field.Tag);
            if (definition is null)
            {
                ReportUndefined(context, format, field, context.TagAt(i), occurrence);
                continue;
            }

            if (definition.Obsolete is not null)
            {
                context.Warning(ValidationDiagnosticIds.Obsolete, field.Tag, occurrence, definition.ObsoleteMessage);
            }

            var severity = SeverityFor(definition);
            if (!definition.Repeatable && occurrence == 2)
            {
                context.Add(ValidationDiagnosticIds.FieldNotRepeatable, severity, field.Tag, occurrence, $"{field.Tag} ({definition.Label}) is not repeatable but occurs {context.CountOf(field.Tag)} times");
            }

            if (field is DataField data && definition.HasSubfields)
            {
                CheckContent(context, data, definition, field.Tag, occurrence, severity, field.Tag);
            }
        }
    }

    /// <summary>Indicators and subfields of a data field against a definition; <paramref name="name"/> says how to call the field in messages.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CheckContent(ValidationContext context, DataField field, FieldDefinition definition, string tag, int occurrence, ValidationSeverity severity, string name)
    {
        if (!definition.AllowsIndicator(1, field.Indicator1))
        {
            CheckIndicator(context, field.Indicator1, definition.Indicator1!, 1, definition, tag, occurrence, severity, name);
        }

        if (!definition.AllowsIndicator(2, field.Indicator2))
        {
            CheckIndicator(context, field.Indicator2, definition.Indicator2!, 2, definition, tag, occurrence, severity, name);
        }

        // Codes seen once and seen twice, a bit per ASCII code: a repeated non-repeatable code is reported at its second occurrence only.
        Span<ulong> once = [0, 0];
        Span<ulong> twice = [0, 0];
        var subfields = field.Indexed;
        var count = subfields.Count;
        for (var i = 0; i < count; i++)
        {
            var code = subfields.Code(i);
            if (code >= 128)
            {
                continue;
            }

            // The code's bit in its word of 64 (a shift count is taken modulo 64).
            var word = code >> 6;
            var bit = 1UL << code;
            var defined = definition.Subfield(code);
            if (defined is null)
            {
                if (definition.FindObsolete(ObsoleteCodeKind.Subfield, code) is { } obsolete)
                {
                    // A code MARC 21 once defined: old records carry it, so a warning, not an error.
                    context.Warning(ValidationDiagnosticIds.Obsolete, tag, occurrence, $"{name} ${code} is {obsolete.Status} (formerly \"{obsolete.Label}\")", subfield: code);
                }
                else if (StructureRules.IsWellFormedSubfieldCode(code))
                {
                    context.Add(ValidationDiagnosticIds.SubfieldUndefined, severity, tag, occurrence, $"{name} ${code} is not defined for {definition.Tag} ({definition.Label})", subfield: code);
                }
            }
            else if (!defined.Repeatable && (once[word] & bit) != 0 && (twice[word] & bit) == 0)
            {
                context.Add(ValidationDiagnosticIds.SubfieldNotRepeatable, severity, tag, occurrence, $"{name} ${code} ({defined.Label}) is not repeatable", subfield: code);
            }

            twice[word] |= once[word] & bit;
            once[word] |= bit;
        }
    }

    // Called for a value the definition does not allow.
    private static void CheckIndicator(ValidationContext context, char value, string allowed, int which, FieldDefinition definition, string tag, int occurrence, ValidationSeverity severity, string name)
    {
        if (!StructureRules.IsWellFormedIndicator(value))
        {
            return;
        }

        // The same wrong indicator recurs record after record: under the field's own name its finding is made once.
        var usual = ReferenceEquals(name, tag);
        var kept = usual ? definition.IndicatorFinding(which, value) : null;
        if (kept is null)
        {
            var obsolete = definition.FindObsolete(which == 1 ? ObsoleteCodeKind.Indicator1 : ObsoleteCodeKind.Indicator2, value);
            var message = obsolete is not null
                ? $"{name} {Text.Ordinal(which)} indicator '{Text.Show(value)}' is {obsolete.Status} (formerly \"{obsolete.Label}\"); {definition.Tag} now allows {Describe(allowed)}"
                : allowed == " "
                    ? $"{name} {Text.Ordinal(which)} indicator is '{Text.Show(value)}' but is undefined and must be blank"
                    : $"{name} {Text.Ordinal(which)} indicator is '{Text.Show(value)}'; {definition.Tag} allows {Describe(allowed)}";

            // An obsolete value is one MARC 21 once defined: old records carry it, so a warning, not an error.
            kept = obsolete is not null
                ? new ValidationDiagnostic(ValidationDiagnosticIds.Obsolete, ValidationSeverity.Warning, tag, 1, message) { Indicator = which }
                : new ValidationDiagnostic(ValidationDiagnosticIds.IndicatorUndefined, severity, tag, 1, message) { Indicator = which };
            if (usual)
            {
                definition.KeepIndicatorFinding(which, value, kept);
            }
        }

        context.Add(kept, occurrence);
    }

    private static void ReportUndefined(ValidationContext context, FormatDefinition format, MarcField field, int tagNumber, int occurrence)
    {
        var tag = field.Tag;
        if (!StructureRules.IsWellFormedTag(tag) || IsLocal(tag))
        {
            // Malformed tags are reported at Structure; 9XX and X9X are left to local definition (MARC 21 General Information).
            return;
        }

        if (MarcField.IsControlTag(tag))
        {
            context.Warning(ValidationDiagnosticIds.TagUndefined, tag, occurrence, $"control field {tag} is not defined in the MARC 21 {format.Name} format");
            return;
        }

        if (occurrence == 1)
        {
            context.Error(ValidationDiagnosticIds.TagUndefined, tag, occurrence, format.UndefinedTagMessage(tagNumber, tag));
        }
    }

    /// <summary>MARC 21 reserves 9XX and the X9X tags of each block (09X, 59X, 69X …) for local fields.</summary>
    public static bool IsLocal(string tag) => tag[0] == '9' || tag[1] == '9';

    private static ValidationSeverity SeverityFor(FieldDefinition definition) =>
        definition.Source == FieldSource.Oclc ? ValidationSeverity.Warning : ValidationSeverity.Error;

    private static string Describe(string allowed) =>
        string.Join(", ", allowed.Select(c => c == ' ' ? "blank" : c.ToString()));
}
