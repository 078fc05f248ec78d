using Marcgate.Marc;
using Marcgate.Marc.Charset;

namespace Marcgate.Catalog.Import;

/// <summary>Gateway §7 step 2: brings a received record to Unicode NFC with leader/09 <c>a</c>.</summary>
internal static class RecordDecoder
{
    /// <summary>The record in Unicode; what reading and conversion recovered from goes to <paramref name="warnings"/>.</summary>
    public static MarcRecord Decode(ReceivedRecord received, List<string> warnings)
    {
        if (!received.IsRecord)
        {
            throw new ArgumentException("The bytes are not a record; only a record is decoded.", nameof(received));
        }

        // MARC-8 (leader/09 blank) to Unicode NFC; also verifies that a blank leader/09 really means MARC-8 (§7 step 2).
        var diagnostics = new List<MarcDiagnostic>(received.Diagnostics);
        var unicode = MarcCharsetConverter.ToUnicode(received.Record, diagnostics, 1);
        foreach (var diagnostic in diagnostics)
        {
            var where = diagnostic.ByteOffset >= 0 ? $" (byte {diagnostic.ByteOffset})" : string.Empty;
            warnings.Add($"{diagnostic.Message}{where} [{diagnostic.Id}]");
        }

        return unicode;
    }
}
