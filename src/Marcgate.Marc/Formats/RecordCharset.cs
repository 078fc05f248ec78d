namespace Marcgate.Marc.Formats;

/// <summary>Moves records between MARC-8 and Unicode for the writers and the convert pipeline.</summary>
internal static class RecordCharset
{
    /// <summary>The record in Unicode (leader/09 <c>a</c>), or null when it could not be converted.</summary>
    public static MarcRecord? ToUnicode(MarcRecord record, List<MarcDiagnostic>? diagnostics, long recordNumber)
    {
        if (record.Leader.IsUnicode)
        {
            return record;
        }

        // 7-bit MARC-8 without escape sequences is ASCII, which is the same text in Unicode (MARC 21 Specifications, Character Sets, Part 2).
        if (IsPlainAscii(record))
        {
            var copy = record.Clone();
            copy.Leader.CharacterCodingScheme = 'a';
            return copy;
        }

        diagnostics?.Add(new MarcDiagnostic(
            MarcDiagnosticIds.Marc8Invalid,
            MarcSeverity.Error,
            recordNumber,
            -1,
            "the record is MARC-8 with non-ASCII data and no MARC-8 code tables are available to convert it"));
        return null;
    }

    /// <summary>The record in MARC-8 (leader/09 blank), or null when it could not be converted.</summary>
    public static MarcRecord? ToMarc8(MarcRecord record, List<MarcDiagnostic>? diagnostics, long recordNumber)
    {
        if (!record.Leader.IsUnicode)
        {
            return record;
        }

        if (IsPlainAscii(record))
        {
            var copy = record.Clone();
            copy.Leader.CharacterCodingScheme = ' ';
            return copy;
        }

        diagnostics?.Add(new MarcDiagnostic(
            MarcDiagnosticIds.Marc8Invalid,
            MarcSeverity.Error,
            recordNumber,
            -1,
            "the record has non-ASCII Unicode data and no MARC-8 code tables are available to convert it"));
        return null;
    }

    /// <summary>True when every character of every field is printable ASCII or a control character other than ESC.</summary>
    public static bool IsPlainAscii(MarcRecord record)
    {
        foreach (var field in record.Fields)
        {
            if (field is ControlField control)
            {
                if (!IsPlainAscii(control.Value))
                {
                    return false;
                }

                continue;
            }

            var data = (DataField)field;
            if (data.Indicator1 >= 0x80 || data.Indicator2 >= 0x80)
            {
                return false;
            }

            foreach (var subfield in data.Subfields)
            {
                if (subfield.Code >= 0x80 || !IsPlainAscii(subfield.Value))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsPlainAscii(string text) =>
        System.Text.Ascii.IsValid(text) && !text.Contains('\u001B', StringComparison.Ordinal);
}
