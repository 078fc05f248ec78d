using System.Runtime.InteropServices;
using Marcgate.Marc;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: at most one 1XX main entry (bibliographic); exactly one 1XX heading (authority).</summary>
internal static class MainEntryRules
{
    public static void Check(ValidationContext context)
    {
        if (context.Kind == MarcRecordKind.Holdings)
        {
            return;
        }

        var count = 0;
        foreach (var field in CollectionsMarshal.AsSpan(context.Record.Fields))
        {
            if (IsMainEntry(field))
            {
                count++;
            }
        }

        if (count > 1)
        {
            var tags = new List<string>(count);
            foreach (var field in CollectionsMarshal.AsSpan(context.Record.Fields))
            {
                if (IsMainEntry(field))
                {
                    tags.Add(field.Tag);
                }
            }

            var what = context.Kind == MarcRecordKind.Authority ? "heading" : "main entry";
            context.Error(ValidationDiagnosticIds.MainEntryRepeated, tags[1], 0, $"a record has one 1XX {what}, this one has {tags.Count} ({string.Join(", ", tags)})");
        }
        else if (count == 0 && context.Kind == MarcRecordKind.Authority)
        {
            // MARC 21 Authority: the 1XX heading is mandatory.
            context.Error(ValidationDiagnosticIds.RequiredFieldMissing, "1XX", 0, "an authority record needs a 1XX heading and this one has none");
        }
    }

    private static bool IsMainEntry(MarcField field) => field.Tag.Length == 3 && field.Tag[0] == '1' && field is DataField;
}
