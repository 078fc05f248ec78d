using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marcgate.Marc.Iso2709;

/// <summary>Parses the bytes of one ISO 2709 record (leader to record terminator) into a <see cref="MarcRecord"/>.</summary>
/// <remarks>Pure: no I/O. Problems become diagnostics; strict mode turns any of them into a rejected record.</remarks>
public static partial class Iso2709RecordParser
{
    /// <summary>Parses one record.</summary>
    /// <param name="bytes">The record's bytes, normally ending with 0x1D.</param>
    /// <param name="options">Reading mode and limits.</param>
    /// <param name="recordNumber">One-based number of the record in its input, for diagnostics.</param>
    /// <param name="byteOffset">Offset of <paramref name="bytes"/> in its input, for diagnostics.</param>
    /// <param name="diagnostics">Receives what was wrong or recovered.</param>
    /// <returns>The record, or null when it was rejected.</returns>
    public static MarcRecord? Parse(ReadOnlySpan<byte> bytes, MarcReaderOptions options, long recordNumber, long byteOffset, List<MarcDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return Parse(bytes, new Iso2709ParseContext(options, recordNumber, byteOffset, diagnostics));
    }

    internal static MarcRecord? Parse(ReadOnlySpan<byte> bytes, Iso2709ParseContext context) => Parse(bytes, default, context, null);

    /// <summary>Parses into what <paramref name="recycler"/> kept; data fields then read their subfields from <paramref name="bytes"/> on first use.</summary>
    internal static MarcRecord? Parse(ReadOnlyMemory<byte> bytes, Iso2709ParseContext context, MarcRecordRecycler recycler) =>
        Parse(bytes.Span, bytes, context, recycler);

    // source is the memory behind bytes, for a recycler's records: their data fields defer decoding.
    private static MarcRecord? Parse(ReadOnlySpan<byte> bytes, ReadOnlyMemory<byte> source, Iso2709ParseContext context, MarcRecordRecycler? recycler)
    {
        var record = ParseCore(bytes, source, context, recycler);
        if (context.IsStrict && context.ErrorCount > 0)
        {
            if (record is not null)
            {
                recycler?.Return(record);
            }

            return null;
        }

        return record;
    }

    // Every record passes here: compiled fully optimised on first use rather than run as ReadyToRun code until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MarcRecord? ParseCore(ReadOnlySpan<byte> bytes, ReadOnlyMemory<byte> source, Iso2709ParseContext context, MarcRecordRecycler? recycler)
    {
        if (bytes.Length < Leader.Length)
        {
            context.Error(MarcDiagnosticIds.LeaderTooShort, 0, $"only {bytes.Length} byte(s) where a 24-byte leader was expected");
            return null;
        }

        var leader = Iso2709LeaderReader.Read(bytes, context, recycler);
        var content = bytes;
        if (content[^1] == Iso2709.RecordTerminator)
        {
            content = content[..^1];
        }
        else
        {
            context.Warn(MarcDiagnosticIds.RecordTerminatorMissing, bytes.Length, "the record does not end with the record terminator 0x1D");
        }

        var directoryEnd = Iso2709DirectoryBounds.Find(content, leader, context);
        if (directoryEnd < 0)
        {
            if (recycler is null)
            {
                return new MarcRecord(leader, 0);
            }

            var empty = recycler.Record(leader, 0);
            recycler.Trim(empty, 0);
            return empty;
        }

        var entriesStart = Iso2709DirectoryBounds.EntriesStart(content, directoryEnd, context);
        var entryCount = (directoryEnd - entriesStart) / Iso2709.DirectoryEntryLength;
        if (entryCount > context.Options.MaxFields)
        {
            context.Error(MarcDiagnosticIds.LimitExceeded, Leader.Length, $"the directory has {entryCount} entries, more than the limit of {context.Options.MaxFields}; only the first {context.Options.MaxFields} are read");
            entryCount = context.Options.MaxFields;
        }

        if (entryCount == 0)
        {
            context.Warn(MarcDiagnosticIds.DirectoryMalformed, Leader.Length, "the directory has no entries: the record has no fields");
        }

        var directory = content[entriesStart..directoryEnd];
        var dataStart = directoryEnd + 1;
        var data = content[dataStart..];
        Iso2709FieldSpan[]? rented = null;
        var spans = entryCount <= 64
            ? stackalloc Iso2709FieldSpan[entryCount]
            : (rented = ArrayPool<Iso2709FieldSpan>.Shared.Rent(entryCount)).AsSpan(0, entryCount);
        try
        {
            var located = Iso2709FieldLocator.Locate(directory, data, entriesStart, dataStart, spans, context);
            var record = recycler?.Record(leader, located) ?? new MarcRecord(leader, located);
            var unicode = leader.IsUnicode;

            // Filled through a span: a store into a MarcField[] from List.Add checks the element type every time. A
            // recycled record still holds its last fields, which are filled again where they stand.
            recycler?.Trim(record, located);
            CollectionsMarshal.SetCount(record.Fields, located);
            var fields = CollectionsMarshal.AsSpan(record.Fields);
            for (var i = 0; i < fields.Length; i++)
            {
                var span = spans[i];
                var tagBytes = directory.Slice(span.EntryIndex * Iso2709.DirectoryEntryLength, 3);

                // MARC 21: tags 001-009 are control fields; everything else (also alphabetic tags) has indicators and subfields.
                var control = tagBytes[0] == '0' && tagBytes[1] == '0';
                var fieldOffset = dataStart + span.Start;
                var fieldSource = recycler is null ? default : source.Slice(fieldOffset, span.Length);
                var existing = fields[i];
                var field = ParseField(Iso2709Text.Tag(tagBytes), control, data.Slice(span.Start, span.Length), fieldSource, unicode, fieldOffset, context, recycler, existing);
                if (!ReferenceEquals(field, existing))
                {
                    fields[i] = field;
                }
            }

            return record;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Iso2709FieldSpan>.Shared.Return(rented);
            }
        }
    }
}
