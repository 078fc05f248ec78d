using System.Runtime.CompilerServices;
using Marcgate.Marc;

namespace Marcgate.Validation.Rules;

/// <summary>
/// The Structure level: the record is well-formed MARC 21 and carries the required elements
/// (Connexion's "Structure" validation: leader, 001, 005, 008, 040 $c, 245 $a or $k, valid indicators).
/// </summary>
internal static class StructureRules
{
    // MARC 21 leader/06 codes of all three formats.
    private const string BibliographicTypes = "acdefgijkmoprt";
    private const string HoldingsTypes = "uvxy";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check(ValidationContext context)
    {
        CheckLeader(context);
        CheckRequiredFields(context);
        var fields = context.Record.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            CheckField(context, fields[i], i);
        }
    }

    private static void CheckLeader(ValidationContext context)
    {
        var leader = context.Record.Leader;

        // MARC 21 leader/10-11 and 20-23 are fixed: "22" and "4500".
        if (leader[10] != '2' || leader[11] != '2')
        {
            context.Error(ValidationDiagnosticIds.LeaderInvalid, "LDR", 0, $"leader/10-11 is '{leader[10]}{leader[11]}'; MARC 21 requires '22' (indicator and subfield code counts)", position: 10);
        }

        if (leader[20] != '4' || leader[21] != '5' || leader[22] != '0' || leader[23] != '0')
        {
            context.Error(ValidationDiagnosticIds.LeaderInvalid, "LDR", 0, $"leader/20-23 is '{leader.ToString()[20..]}'; MARC 21 requires '4500' (entry map)", position: 20);
        }

        var type = leader.TypeOfRecord;
        if (!BibliographicTypes.Contains(type, StringComparison.Ordinal) && type != 'z' && !HoldingsTypes.Contains(type, StringComparison.Ordinal))
        {
            context.Error(ValidationDiagnosticIds.LeaderInvalid, "LDR", 0, $"leader/06 is '{Text.Show(type)}', which is not a MARC 21 type of record", position: 6);
        }
    }

    private static void CheckRequiredFields(ValidationContext context)
    {
        Require(context, 1, "001", "001 (control number) is missing");
        Require(context, 5, "005", "005 (date and time of latest transaction) is missing");
        Require(context, 8, "008", "008 (fixed-length data elements) is missing");
        switch (context.Kind)
        {
            case MarcRecordKind.Bibliographic:
                RequireSubfield(context, 40, "040", "040 (cataloging source) is missing", "c", "040 has no $c (transcribing agency)");
                RequireSubfield(context, 245, "245", "245 (title statement) is missing", "ak", "245 has no $a or $k (title or form)");
                break;
            case MarcRecordKind.Authority:
                RequireSubfield(context, 40, "040", "040 (cataloging source) is missing", "c", "040 has no $c (transcribing agency)");
                break;
            case MarcRecordKind.Holdings:
                // MARC 21 Holdings: 004 links the holdings record to its bibliographic record.
                Require(context, 4, "004", "004 (control number for related bibliographic record) is missing");
                break;
        }
    }

    // The message is given whole ("040 (cataloging source) is missing"): missing 040s and 005s recur in whole files.
    private static void Require(ValidationContext context, int number, string tag, string message)
    {
        if (context.IndexOf(number) < 0)
        {
            context.Error(ValidationDiagnosticIds.RequiredFieldMissing, tag, 0, message);
        }
    }

    private static void RequireSubfield(ValidationContext context, int number, string tag, string fieldMissing, string codes, string subfieldMissing)
    {
        var at = context.IndexOf(number);
        if (at < 0)
        {
            Require(context, number, tag, fieldMissing);
            return;
        }

        if (context.Record.Fields[at] is DataField data && !HasAny(data, codes))
        {
            context.Error(ValidationDiagnosticIds.RequiredSubfieldMissing, tag, 1, subfieldMissing, subfield: codes[0]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckField(ValidationContext context, MarcField field, int index)
    {
        var occurrence = context.OccurrenceAt(index);
        var tag = field.Tag;
        if (context.TagAt(index) < 0 && !IsWellFormedTag(tag))
        {
            context.Error(ValidationDiagnosticIds.TagMalformed, tag, occurrence, $"tag '{Text.Show(tag)}' is not three digits or letters");
            return;
        }

        var controlTag = MarcField.IsControlTag(tag);
        switch (field)
        {
            case ControlField control when !controlTag:
                context.Error(ValidationDiagnosticIds.FieldShapeInvalid, tag, occurrence, $"{tag} is a data field but has no indicators or subfields");
                break;
            case ControlField control when control.Value.Length == 0:
                context.Error(ValidationDiagnosticIds.FieldEmpty, tag, occurrence, $"{tag} is empty");
                break;
            case DataField when controlTag:
                context.Error(ValidationDiagnosticIds.FieldShapeInvalid, tag, occurrence, $"{tag} is a control field but has indicators and subfields");
                break;
            case DataField data:
                CheckDataField(context, data, occurrence);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckDataField(ValidationContext context, DataField field, int occurrence)
    {
        var tag = field.Tag;
        if (!IsWellFormedIndicator(field.Indicator1))
        {
            ReportIndicator(context, tag, occurrence, 1, field.Indicator1);
        }

        if (!IsWellFormedIndicator(field.Indicator2))
        {
            ReportIndicator(context, tag, occurrence, 2, field.Indicator2);
        }

        var subfields = field.Indexed;
        var count = subfields.Count;
        if (count == 0)
        {
            context.Error(ValidationDiagnosticIds.FieldEmpty, tag, occurrence, $"{tag} has no subfields");
            return;
        }

        // By index: a field read for validation decodes no subfield data for this.
        for (var i = 0; i < count; i++)
        {
            var code = subfields.Code(i);
            if (!IsWellFormedSubfieldCode(code))
            {
                context.Error(ValidationDiagnosticIds.SubfieldCodeMalformed, tag, occurrence, $"{tag} subfield code '{Text.Show(code)}' is not a lowercase letter or a digit", subfield: code);
            }
            else if (subfields.IsEmpty(i))
            {
                context.Warning(ValidationDiagnosticIds.FieldEmpty, tag, occurrence, $"{tag} ${code} is empty", subfield: code);
            }
        }
    }

    private static void ReportIndicator(ValidationContext context, string tag, int occurrence, int which, char value) =>
        context.Error(ValidationDiagnosticIds.IndicatorMalformed, tag, occurrence, $"{tag} {Text.Ordinal(which)} indicator is '{Text.Show(value)}', not a blank, digit or lowercase letter", indicator: which);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HasAny(DataField field, string codes)
    {
        var subfields = field.Indexed;
        var count = subfields.Count;
        for (var i = 0; i < count; i++)
        {
            if (codes.Contains(subfields.Code(i), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MARC 21 general information: an indicator is a lowercase letter, a digit or blank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWellFormedIndicator(char value) => value is ' ' or (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>MARC 21 general information: a subfield code is a lowercase letter or a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWellFormedSubfieldCode(char code) => code is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    public static bool IsWellFormedTag(string tag) =>
        tag.Length == 3 && char.IsAsciiLetterOrDigit(tag[0]) && char.IsAsciiLetterOrDigit(tag[1]) && char.IsAsciiLetterOrDigit(tag[2]);
}
