using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Host;

/// <summary>Tells record bytes that are not ISO 2709 (answered <c>code=bad-record</c>) from records the import pipeline should judge.</summary>
internal static class RecordStructureCheck
{
    /// <summary>True when the lenient reader finds a record without structural errors; otherwise the first error, for the reply.</summary>
    public static bool IsIso2709(ReadOnlySpan<byte> record, out string problem)
    {
        var diagnostics = new List<MarcDiagnostic>();
        var parsed = Iso2709RecordParser.Parse(record, MarcReaderOptions.Default, recordNumber: 1, byteOffset: 0, diagnostics);
        var error = diagnostics.FirstOrDefault(d => d.Severity == MarcSeverity.Error);
        if (parsed is not null && error is null)
        {
            problem = "";
            return true;
        }

        problem = error is null
            ? "The record is not ISO 2709."
            : $"The record is not ISO 2709: byte {error.ByteOffset}: {error.Message}.";
        return false;
    }
}
