using Marcgate.Marc;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation.Rules.Full;

/// <summary>
/// Full level: 880 alternate graphic representation. $6 (linkage, "TTT-NN[/script][/r]", MARC 21 Appendix A)
/// must name a tag the format defines and, unless NN is 00, a field that links back; the 880 is checked by
/// the rules of the tag it stands for.
/// </summary>
internal static class LinkageRules
{
    public static void Check(ValidationContext context, FormatDefinition format)
    {
        var fields = context.Record.Fields;
        HashSet<string>? regularLinks = null;
        for (var i = 0; i < fields.Count; i++)
        {
            if (context.TagAt(i) != 880 && fields[i] is DataField regular && regular['6'] is { } link && Parse(link) is { Tag: "880" } parsed && parsed.Occurrence != "00")
            {
                (regularLinks ??= new HashSet<string>(StringComparer.Ordinal)).Add($"{regular.Tag}-{parsed.Occurrence}");
            }
        }

        // Most records have neither 880s nor fields linked to one.
        var hasAlternates = context.IndexOf(880) >= 0;
        if (!hasAlternates && regularLinks is null)
        {
            return;
        }

        var alternateLinks = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; hasAlternates && i < fields.Count; i++)
        {
            if (context.TagAt(i) != 880 || fields[i] is not DataField alternate)
            {
                continue;
            }

            var occurrence = context.OccurrenceAt(i);
            var value = alternate['6'];
            if (value is null)
            {
                context.Error(ValidationDiagnosticIds.LinkageInvalid, "880", occurrence, "880 has no $6 (linkage) naming the field it stands for", subfield: '6');
                continue;
            }

            if (Parse(value) is not { } link)
            {
                context.Error(ValidationDiagnosticIds.LinkageInvalid, "880", occurrence, $"880 $6 '{Text.Show(value)}' is not of the form TTT-NN (tag, occurrence number)", subfield: '6');
                continue;
            }

            if (format.Find(link.Tag) is not { } definition)
            {
                if (!FieldRules.IsLocal(link.Tag))
                {
                    context.Error(ValidationDiagnosticIds.LinkageInvalid, "880", occurrence, $"880 $6 links to {link.Tag}, which is not a MARC 21 field", subfield: '6');
                }

                continue;
            }

            if (link.Occurrence != "00")
            {
                alternateLinks.Add($"{link.Tag}-{link.Occurrence}");
                if (regularLinks is null || !regularLinks.Contains($"{link.Tag}-{link.Occurrence}"))
                {
                    context.Error(ValidationDiagnosticIds.LinkageInvalid, "880", occurrence, $"880 $6 '{Text.Show(value)}' links to {link.Tag} occurrence {link.Occurrence}, but no {link.Tag} has $6 880-{link.Occurrence}", subfield: '6');
                }
            }

            if (definition.HasSubfields)
            {
                FieldRules.CheckContent(context, alternate, definition, "880", occurrence, definition.Source == FieldSource.Oclc ? ValidationSeverity.Warning : ValidationSeverity.Error, $"880 (for {link.Tag})");
            }
        }

        for (var i = 0; regularLinks is not null && i < fields.Count; i++)
        {
            if (context.TagAt(i) != 880 && fields[i] is DataField regular && regular['6'] is { } value && Parse(value) is { Tag: "880" } link
                && link.Occurrence != "00" && !alternateLinks.Contains($"{regular.Tag}-{link.Occurrence}"))
            {
                context.Error(ValidationDiagnosticIds.LinkageInvalid, regular.Tag, context.OccurrenceAt(i), $"{regular.Tag} $6 '{Text.Show(value)}' links to an 880 that is not in the record", subfield: '6');
            }
        }
    }

    /// <summary>The tag and two-digit occurrence of a $6 value, or null when it does not have that shape.</summary>
    public static (string Tag, string Occurrence)? Parse(string value)
    {
        if (value.Length < 6 || value[3] != '-' || !char.IsAsciiDigit(value[4]) || !char.IsAsciiDigit(value[5]))
        {
            return null;
        }

        return char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && (value.Length == 6 || value[6] == '/')
            ? (value[..3], value.Substring(4, 2))
            : null;
    }
}
