using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace Marcgate.Marc.Iso2709;

public static partial class Iso2709RecordParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MarcField ParseField(string tag, bool control, ReadOnlySpan<byte> bytes, ReadOnlyMemory<byte> source, bool unicode, int fieldOffset, Iso2709ParseContext context, MarcRecordRecycler? recycler)
    {
        if (control)
        {
            var value = Iso2709Text.Decode(bytes, unicode, fieldOffset, tag, context);
            return recycler?.ControlField(tag, value) ?? new ControlField(tag, value);
        }

        var at = 0;
        var indicators = 0;
        var indicator1 = ReadIndicator(bytes, ref at, unicode, ref indicators, fieldOffset, tag, context);
        var indicator2 = indicators == 1 ? ReadIndicator(bytes, ref at, unicode, ref indicators, fieldOffset, tag, context) : ' ';
        if (indicators < 2)
        {
            context.Warn(MarcDiagnosticIds.IndicatorsMissing, fieldOffset, $"field {tag} has {indicators} indicator(s) before its first subfield; blanks assumed");
        }

        var rest = bytes[at..];

        // One subfield per delimiter (at most): a new list is sized once instead of grown. A recycled field's list has
        // room for the fields it held before, so counting first would mostly be a pass for nothing.
        var capacity = recycler is null ? Math.Max(rest.Count(Iso2709.SubfieldDelimiter), 1) : 1;
        var field = recycler?.DataField(tag, indicator1, indicator2, capacity) ?? new DataField(tag, indicator1, indicator2, capacity);
        if (!rest.IsEmpty && rest[0] != Iso2709.SubfieldDelimiter)
        {
            var delimiter = rest.IndexOf(Iso2709.SubfieldDelimiter);
            var dropped = delimiter < 0 ? rest : rest[..delimiter];
            context.Warn(MarcDiagnosticIds.DataBeforeFirstSubfield, fieldOffset + at, $"field {tag} has data before its first subfield delimiter ('{Iso2709.Printable(dropped, 40)}'); it is dropped");
            at += dropped.Length;
            rest = rest[dropped.Length..];
        }

        // Decoding waits for first use when nothing in the subfields can call for a diagnostic: valid UTF-8 (or MARC-8, read
        // byte for byte), one-byte codes, no empty delimiters. Otherwise, and for fields not read through a recycler, decode now.
        if (!source.IsEmpty && (!unicode || Utf8.IsValid(rest)) && TryDefer(field, source[at..], unicode))
        {
            return field;
        }

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

        return field;
    }

    // Notes each subfield's code and data bounds. False, with nothing noted or reported, when a subfield needs the eager
    // path's care: a delimiter with no code after it, or a code that is not one byte (a UTF-8 sequence).
    private static bool TryDefer(DataField field, ReadOnlyMemory<byte> source, bool unicode)
    {
        var rest = source.Span;
        field.BeginPending(source, unicode);
        var position = 0;
        var controls = false;
        while (position < rest.Length)
        {
            // rest[position] is a delimiter. The search stops at any C0 control, so that the field learns whether its
            // data holds one (the validator asks of every field) in the same pass that finds the next delimiter.
            var body = rest[(position + 1)..];
            var next = body.IndexOfAnyInRange((byte)0, Iso2709.SubfieldDelimiter);
            while (next >= 0 && body[next] != Iso2709.SubfieldDelimiter)
            {
                controls = true;
                var after = body[(next + 1)..].IndexOf(Iso2709.SubfieldDelimiter);
                next = after < 0 ? -1 : next + 1 + after;
            }

            var length = next < 0 ? body.Length : next;
            if (length == 0 || (unicode && body[0] >= 0x80))
            {
                field.ClearSubfields();
                return false;
            }

            field.AddPending((char)body[0], position + 2, length - 1);
            position += 1 + length;
        }

        field.EndPending(controls);
        return true;
    }

    // An indicator is one character (ISO 2709 counts characters: a UTF-8 indicator takes its whole sequence).
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
