using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Import;

/// <summary>Gateway §7 step 2: reads the ISO 2709 bytes and brings the record to Unicode NFC with leader/09 <c>a</c>.</summary>
internal static class RecordDecoder
{
    /// <summary>The decoded record, or null with the reason in <paramref name="reason"/>; recoveries go to <paramref name="warnings"/>.</summary>
    public static MarcRecord? Decode(ReadOnlySpan<byte> bytes, MarcReaderOptions options, List<string> warnings, out string? reason)
    {
        reason = null;
        var diagnostics = new List<MarcDiagnostic>();
        var record = bytes.IsEmpty ? null : Iso2709RecordParser.Parse(bytes, options, 1, 0, diagnostics);
        // Lenient reading recovers what it can, but a host does not store a record whose structure it had to
        // guess at (errors, not warnings): the cataloger gets the first reason and sends it again (gateway §4 bad-record).
        var errors = diagnostics.Where(d => d.Severity == MarcSeverity.Error).ToList();
        if (record is null || errors.Count > 0)
        {
            var error = errors.FirstOrDefault();
            var more = errors.Count > 1 ? $" and {errors.Count - 1} more problem{(errors.Count > 2 ? "s" : string.Empty)}" : string.Empty;
            reason = error is null
                ? "The record is empty."
                : $"The record is not ISO 2709: {error.Message} (byte {error.ByteOffset}, {error.Id}){more}.";
            return null;
        }

        if (record.Fields.Count == 0)
        {
            reason = "The record is not ISO 2709: it has a leader but no fields.";
            return null;
        }

        // MARC-8 (leader/09 blank) to Unicode NFC; also verifies that a blank leader/09 really means MARC-8 (§7 step 2).
        var unicode = MarcCharsetConverter.ToUnicode(record, diagnostics, 1);
        foreach (var diagnostic in diagnostics)
        {
            var where = diagnostic.ByteOffset >= 0 ? $" (byte {diagnostic.ByteOffset})" : string.Empty;
            warnings.Add($"{diagnostic.Message}{where} [{diagnostic.Id}]");
        }

        return unicode;
    }
}
