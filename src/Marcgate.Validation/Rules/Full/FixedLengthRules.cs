using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: 006 is 18 characters; 007 has the length its category of material (007/00) defines.</summary>
internal static class FixedLengthRules
{
    public static void Check(ValidationContext context, FormatDefinition format)
    {
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (context.TagAt(i) is not (6 or 7) || fields[i] is not ControlField field || field.Value.Length == 0)
            {
                continue;
            }

            var layouts = field.Tag == "006" ? format.Field006 : format.Field007;
            if (!layouts.TryGetValue(field.Value[0], out var layout))
            {
                continue;
            }

            var length = field.Value.Length;
            if (length < layout.Shortest || length > layout.Length)
            {
                var expected = layout.Shortest == layout.Length ? $"{layout.Length}" : $"{layout.Shortest} to {layout.Length}";
                var what = field.Tag == "006" ? "form of material" : "category of material";
                context.Error(ValidationDiagnosticIds.FixedFieldLengthForCategory, field.Tag, context.OccurrenceAt(i), $"{field.Tag} is {length} characters long; {what} '{field.Value[0]}' ({layout.Name[4..]}) needs {expected}");
            }
        }
    }
}
