using Marcgate.Marc;

namespace Marcgate.Validation.Rules.Full;

/// <summary>Full level: leader/17 (encoding level) and leader/18 (descriptive cataloging form) against the rest of the record.</summary>
internal static class EncodingLevelRules
{
    // Full-level encoding levels: MARC 21 blank, 1, 4 (core); OCLC I and L.
    private const string FullLevels = " 14IL";

    public static void Check(ValidationContext context)
    {
        if (context.Kind != MarcRecordKind.Bibliographic)
        {
            return;
        }

        var leader = context.Record.Leader;
        if (FullLevels.Contains(leader.EncodingLevel, StringComparison.Ordinal) && context.ControlValue(8) is { Length: >= 40 } fixedData)
        {
            // OCLC BFAS, Fill characters: full-level records code every 008 element; '|' is for minimal records.
            var at = fixedData.IndexOf('|', 6);
            if (at >= 0)
            {
                context.Warning(ValidationDiagnosticIds.EncodingLevelDisagrees, "008", 1, $"leader/17 '{Text.Show(leader.EncodingLevel)}' is a full encoding level but 008/{at:00} holds the fill character '|' (no attempt to code)", position: at);
            }
        }

        var rules = DescriptionRules(context);
        var form = leader[18];
        if (rules == "rda" && form is 'a' or ' ')
        {
            // RDA records use ISBD punctuation: leader/18 'i' (or 'c' when omitted), never 'a' (AACR 2).
            var name = form == 'a' ? "AACR 2" : "non-ISBD";
            context.Error(ValidationDiagnosticIds.EncodingLevelDisagrees, "LDR", 0, $"leader/18 is '{Text.Show(form)}' ({name}) but 040 $e says the description follows RDA; use 'i' or 'c'", position: 18);
        }
        else if (form == 'a' && rules is not null && rules != "rda" && !rules.StartsWith("aacr", StringComparison.Ordinal))
        {
            context.Warning(ValidationDiagnosticIds.EncodingLevelDisagrees, "LDR", 0, $"leader/18 is 'a' (AACR 2) but 040 $e names the rules '{Text.Show(rules)}'", position: 18);
        }
    }

    // The first 040 $e (description conventions) of the record.
    private static string? DescriptionRules(ValidationContext context)
    {
        var fields = context.Record.Fields;
        for (var at = context.IndexOf(40); at >= 0; at = context.IndexOf(40, at + 1))
        {
            if (fields[at] is DataField field && field['e'] is { } rules)
            {
                return rules;
            }
        }

        return null;
    }
}
