using System.Runtime.CompilerServices;

namespace Marcgate.Marc.Iso2709;

/// <summary>Maps directory entries to field data, re-synchronising on field terminators when the directory lies.</summary>
/// <remarks>
/// The fast path accepts an entry when its start is a field boundary and its last byte is 0x1E
/// (entries in any order are valid ISO 2709). Otherwise <see cref="Iso2709FieldRecovery"/> takes over.
/// Starts past 99,999 cannot be written in five digits; a start that equals the end of the previous
/// field modulo 100,000 is taken as that position, which reads back what <see cref="Iso2709Writer"/> writes.
/// </remarks>
internal static class Iso2709FieldLocator
{
    /// <summary>Fills <paramref name="spans"/>; returns how many fields were located.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Locate(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> data, int entriesStart, int dataStart, Span<Iso2709FieldSpan> spans, Iso2709ParseContext context)
    {
        var count = spans.Length;
        var previousEnd = 0;
        for (var i = 0; i < count; i++)
        {
            var entry = directory.Slice(i * Iso2709.DirectoryEntryLength, Iso2709.DirectoryEntryLength);
            var length = Iso2709.ParseDigits(entry.Slice(3, 4));
            var start = Iso2709.ParseDigits(entry.Slice(7, 5));
            if (length < 0 || start < 0)
            {
                return new Iso2709FieldRecovery(directory, data, entriesStart, dataStart, context).Locate(spans);
            }

            var position = previousEnd % Iso2709.StartModulus == start ? previousEnd : start;
            if (!IsExact(data, position, length))
            {
                return new Iso2709FieldRecovery(directory, data, entriesStart, dataStart, context).Locate(spans);
            }

            spans[i] = new Iso2709FieldSpan(i, position, length - 1);
            previousEnd = position + length;
        }

        return count;
    }

    /// <summary>True when [start, start+length) is a whole field: it begins on a boundary and ends with 0x1E.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsExact(ReadOnlySpan<byte> data, int start, int length) =>
        length >= 1 && start >= 0 && (long)start + length <= data.Length && IsFieldStart(data, start)
        && data[start + length - 1] == Iso2709.FieldTerminator;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFieldStart(ReadOnlySpan<byte> data, int position) =>
        position == 0 || (position > 0 && position < data.Length && data[position - 1] == Iso2709.FieldTerminator);
}
