using Marcgate.Marc.Charset;

namespace Marcgate.Marc.Formats;

/// <summary>Moves records between MARC-8 and Unicode for the writers and the convert pipeline.</summary>
internal static class RecordCharset
{
    /// <summary>The record in Unicode (leader/09 <c>a</c>); a Unicode record is returned as it is, without a copy.</summary>
    public static MarcRecord ToUnicode(MarcRecord record, List<MarcDiagnostic>? diagnostics, long recordNumber) =>
        record.Leader.IsUnicode ? record : MarcCharsetConverter.ToUnicode(record, diagnostics, recordNumber);

    /// <summary>The record in MARC-8 (leader/09 blank); a MARC-8 record is returned as it is, without a copy.</summary>
    public static MarcRecord ToMarc8(MarcRecord record) =>
        record.Leader.IsUnicode ? MarcCharsetConverter.ToMarc8(record) : record;

    /// <summary>True when every character of every field is ASCII and none is ESC, so MARC-8 and Unicode readings agree.</summary>
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
