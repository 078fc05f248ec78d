using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Marcgate.Marc.Iso2709;

public static partial class Iso2709RecordParser
{
    // existing: the field that stood at this place in a recycled record, filled again when it is of the right kind.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MarcField ParseField(string tag, bool control, ReadOnlySpan<byte> bytes, ReadOnlyMemory<byte> source, bool unicode, int fieldOffset, Iso2709ParseContext context, MarcRecordRecycler? recycler, MarcField? existing)
    {
        if (control)
        {
            // A recycled field that held the same ASCII text (003 "OCoLC", a run of alike 007s) keeps its string.
            var value = existing is ControlField { Value: var held } && System.Text.Ascii.Equals(bytes, held)
                ? held
                : Iso2709Text.Decode(bytes, unicode, fieldOffset, tag, context);
            return recycler?.ControlField(existing, tag, value) ?? new ControlField(tag, value);
        }

        var at = 0;
        var indicators = 0;
        var indicator1 = ReadIndicator(bytes, ref at, unicode, ref indicators, fieldOffset, tag, context);
        var indicator2 = indicators == 1 ? ReadIndicator(bytes, ref at, unicode, ref indicators, fieldOffset, tag, context) : ' ';
        if (indicators < 2)
        {
            WarnIndicatorsMissing(context, fieldOffset, tag, indicators);
        }

        var rest = bytes[at..];

        // One subfield per delimiter (at most): a new list is sized once instead of grown. A recycled field's list has
        // room for the fields it held before, so counting first would mostly be a pass for nothing.
        var capacity = recycler is null ? Math.Max(rest.Count(Iso2709.SubfieldDelimiter), 1) : 1;
        var field = recycler?.DataField(existing, tag, indicator1, indicator2, capacity) ?? new DataField(tag, indicator1, indicator2, capacity);
        if (!rest.IsEmpty && rest[0] != Iso2709.SubfieldDelimiter)
        {
            var dropped = DropDataBeforeFirstSubfield(rest, context, fieldOffset + at, tag);
            at += dropped;
            rest = rest[dropped..];
        }

        // Decoding waits for first use when nothing in the subfields can call for a diagnostic: valid UTF-8 (or MARC-8, read
        // byte for byte), one-byte codes, no empty delimiters. Otherwise, and for fields not read through a recycler, decode now.
        if (recycler is not null && TryDefer(field, rest, source[at..], unicode))
        {
            return field;
        }

        DecodeSubfields(field, rest, unicode, fieldOffset, at, tag, context);
        return field;
    }

    // The subfields decoded now, with a diagnostic for what the reader had to recover.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DecodeSubfields(DataField field, ReadOnlySpan<byte> rest, bool unicode, int fieldOffset, int at, string tag, Iso2709ParseContext context)
    {
        var subfields = field.Subfields;
        while (!rest.IsEmpty)
        {
            var body = rest[1..];
            var next = body.IndexOf(Iso2709.SubfieldDelimiter);
            var chunk = next < 0 ? body : body[..next];
            if (chunk.IsEmpty)
            {
                context.Warn(MarcDiagnosticIds.EmptySubfield, fieldOffset + at, $"field {tag} has a subfield delimiter with no subfield code; it is dropped");
            }
            else
            {
                // An ASCII code is one byte in either character set; anything else is read as a character.
                char code;
                var codeLength = 1;
                if (chunk[0] < 0x80)
                {
                    code = (char)chunk[0];
                }
                else
                {
                    codeLength = Iso2709Text.ReadChar(chunk, unicode, fieldOffset + at + 1, tag, context, out code);
                }

                subfields.Add(new Subfield(code, Iso2709Text.Decode(chunk[codeLength..], unicode, fieldOffset + at + 1 + codeLength, tag, context)));
            }

            at += 1 + chunk.Length;
            rest = next < 0 ? default : body[next..];
        }
    }

    // Cold paths, kept out of the per-field code so that their messages' locals do not weigh on it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarnIndicatorsMissing(Iso2709ParseContext context, int fieldOffset, string tag, int indicators) =>
        context.Warn(MarcDiagnosticIds.IndicatorsMissing, fieldOffset, $"field {tag} has {indicators} indicator(s) before its first subfield; blanks assumed");

    // Data between the indicators and the first delimiter is dropped and reported; returns how many bytes.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int DropDataBeforeFirstSubfield(ReadOnlySpan<byte> rest, Iso2709ParseContext context, int offset, string tag)
    {
        var delimiter = rest.IndexOf(Iso2709.SubfieldDelimiter);
        var dropped = delimiter < 0 ? rest : rest[..delimiter];
        context.Warn(MarcDiagnosticIds.DataBeforeFirstSubfield, offset, $"field {tag} has data before its first subfield delimiter ('{Iso2709.Printable(dropped, 40)}'); it is dropped");
        return dropped.Length;
    }

    // Notes each subfield's code and data bounds, and whether any byte is a C0 control other than the delimiters (the
    // validator asks that of every field). False, with nothing noted or reported, when a subfield needs the eager path's
    // care: a delimiter with no code after it, a code that is not one byte (a UTF-8 sequence), or UTF-8 that is not valid.
    // bytes is source's span, which the caller has at hand.
    private static bool TryDefer(DataField field, ReadOnlySpan<byte> bytes, ReadOnlyMemory<byte> source, bool unicode)
    {
        field.BeginPending(source, unicode);
        if (bytes.IsEmpty)
        {
            field.EndPending(false);
            return true;
        }

        // bytes[0] is the delimiter that opens the first subfield. The bytes below 0x20 are found a window at a time
        // and visited in order: each delimiter closes the subfield before it.
        var controls = false;
        var high = 0u;
        var open = 0;
        for (var offset = 1; offset < bytes.Length;)
        {
            var low = LowBytes(bytes, offset, ref high, out var width);
            while (low != 0)
            {
                var at = offset + BitOperations.TrailingZeroCount(low);
                low &= low - 1;
                if (bytes[at] != Iso2709.SubfieldDelimiter)
                {
                    controls = true;
                }
                else if (!TryAddPending(field, bytes, open, at, unicode))
                {
                    return false;
                }
                else
                {
                    open = at;
                }
            }

            offset += width;
        }

        if (!TryAddPending(field, bytes, open, bytes.Length, unicode))
        {
            return false;
        }

        // The scan saw every byte: a field of ASCII bytes (most of them) is valid UTF-8 without a second look.
        if (unicode && high != 0 && !Utf8.IsValid(bytes))
        {
            field.ClearSubfields();
            return false;
        }

        field.EndPending(controls);
        return true;
    }

    // The subfield between the delimiter at open and end: its code, then its data.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryAddPending(DataField field, ReadOnlySpan<byte> bytes, int open, int end, bool unicode)
    {
        if (end - open < 2 || (unicode && bytes[open + 1] >= 0x80))
        {
            field.ClearSubfields();
            return false;
        }

        field.AddPending((char)bytes[open + 1], open + 2, end - open - 2);
        return true;
    }

    // Bit i is set when bytes[offset + i] is below 0x20, for the next window of the field (width bytes: 16, or what is
    // left). The last window of a field of 16 bytes or more is the vector that ends it, less the bytes already seen.
    // high gains a bit when the window holds a byte above 0x7F. Vector128 only: the native build targets a baseline x64
    // without AVX2, where a 256-bit path would never run.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LowBytes(ReadOnlySpan<byte> bytes, int offset, ref uint high, out int width)
    {
        var remaining = bytes.Length - offset;
        if (Vector128.IsHardwareAccelerated && bytes.Length >= 16)
        {
            var window = Vector128.Create(remaining >= 16 ? bytes.Slice(offset, 16) : bytes[^16..]);
            var low = Vector128.LessThan(window, Vector128.Create((byte)0x20)).ExtractMostSignificantBits();
            high |= window.ExtractMostSignificantBits();
            width = Math.Min(remaining, 16);
            return low >> (16 - width);
        }

        // Short fields, or no vectors: byte by byte, at most 32 at a time.
        width = Math.Min(remaining, 32);
        var scalar = 0u;
        for (var i = 0; i < width; i++)
        {
            var b = bytes[offset + i];
            if (b < 0x20)
            {
                scalar |= 1u << i;
            }

            high |= (uint)b >> 7;
        }

        return scalar;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ReadIndicator(ReadOnlySpan<byte> bytes, ref int at, bool unicode, ref int count, int fieldOffset, string tag, Iso2709ParseContext context)
    {
        if (at >= bytes.Length || bytes[at] == Iso2709.SubfieldDelimiter)
        {
            return ' ';
        }

        if (bytes[at] < 0x80)
        {
            count++;
            return (char)bytes[at++];
        }

        at += Iso2709Text.ReadChar(bytes[at..], unicode, fieldOffset + at, tag, context, out var value);
        count++;
        return value;
    }
}
