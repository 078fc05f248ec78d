using System.Diagnostics.CodeAnalysis;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Import;

/// <summary>The record bytes of one gateway request, read once: the record as sent, or why the bytes are not a record (gateway §4 <c>bad-record</c>).</summary>
/// <remarks>The host reads a request's record once, answers <c>bad-record</c> from it or hands it to the import pipeline, which goes on from the record read here.</remarks>
public sealed class ReceivedRecord
{
    private ReceivedRecord(ReadOnlyMemory<byte> bytes, MarcRecord? record, IReadOnlyList<MarcDiagnostic> diagnostics, string? problem)
    {
        Bytes = bytes;
        Record = record;
        Diagnostics = diagnostics;
        Problem = problem;
    }

    /// <summary>The ISO 2709 bytes as received.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The record as read, in the character set it was sent in; null when the bytes are not a record.</summary>
    public MarcRecord? Record { get; }

    /// <summary>What lenient reading recovered from; the import reports these as warnings.</summary>
    public IReadOnlyList<MarcDiagnostic> Diagnostics { get; }

    /// <summary>Why the bytes are not an ISO 2709 record, as the reply says it; null for a record.</summary>
    public string? Problem { get; }

    /// <summary>True when the bytes are a record the import pipeline can judge.</summary>
    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsRecord => Record is not null;

    /// <summary>Reads record bytes as ISO 2709 (gateway §3.3, §7 step 2).</summary>
    public static ReceivedRecord Read(ReadOnlyMemory<byte> bytes, MarcReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<MarcDiagnostic>();
        var record = bytes.IsEmpty ? null : Iso2709RecordParser.Parse(bytes.Span, options, 1, 0, diagnostics);

        // Lenient reading recovers what it can, but a host does not store a record whose structure it had to
        // guess at (errors, not warnings): the cataloger gets the first reason and sends it again (gateway §4 bad-record).
        var errors = diagnostics.Where(d => d.Severity == MarcSeverity.Error).ToList();
        if (record is null || errors.Count > 0)
        {
            var error = errors.FirstOrDefault();
            var more = errors.Count > 1 ? $" and {errors.Count - 1} more problem{(errors.Count > 2 ? "s" : string.Empty)}" : string.Empty;
            var problem = error is null
                ? "The record is empty."
                : $"The record is not ISO 2709: {error.Message} (byte {error.ByteOffset}, {error.Id}){more}.";
            return new ReceivedRecord(bytes, null, diagnostics, problem);
        }

        return record.Fields.Count == 0
            ? new ReceivedRecord(bytes, null, diagnostics, "The record is not ISO 2709: it has a leader but no fields.")
            : new ReceivedRecord(bytes, record, diagnostics, null);
    }
}
