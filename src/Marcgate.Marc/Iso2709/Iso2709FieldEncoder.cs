using System.Buffers;
using System.Text;

namespace Marcgate.Marc.Iso2709;

/// <summary>Byte counts and bytes of one field: UTF-8 for Unicode records, one byte per char for MARC-8 records.</summary>
internal static class Iso2709FieldEncoder
{
    private static readonly SearchValues<char> s_terminators = SearchValues.Create("\u001D\u001E");

    public static int ByteCount(MarcField field, bool unicode)
    {
        if (field is ControlField control)
        {
            // A control field may hold 0x1F (danMARC puts subfields in 00X); only terminators would break the record.
            return TextByteCount(control.Value, unicode, control.Tag) + 1;
        }

        var data = (DataField)field;
        var count = CharByteCount(data.Indicator1, unicode, data.Tag) + CharByteCount(data.Indicator2, unicode, data.Tag) + 1;
        foreach (var subfield in data.Subfields)
        {
            count += 1 + CharByteCount(subfield.Code, unicode, data.Tag) + TextByteCount(subfield.Value, unicode, data.Tag);
        }

        return count;
    }

    /// <summary>Writes the field and its terminator into exactly <see cref="ByteCount"/> bytes.</summary>
    public static void Encode(MarcField field, bool unicode, Span<byte> output)
    {
        var at = 0;
        if (field is ControlField control)
        {
            at += EncodeText(control.Value, unicode, output);
        }
        else
        {
            var data = (DataField)field;
            at += EncodeChar(data.Indicator1, unicode, output[at..]);
            at += EncodeChar(data.Indicator2, unicode, output[at..]);
            foreach (var subfield in data.Subfields)
            {
                output[at++] = Iso2709.SubfieldDelimiter;
                at += EncodeChar(subfield.Code, unicode, output[at..]);
                at += EncodeText(subfield.Value, unicode, output[at..]);
            }
        }

        output[at] = Iso2709.FieldTerminator;
    }

    // 0x1F inside data is written as it stands, as yaz does for EACC text (yaz-golden marc12); it reads back as a delimiter.
    private static int TextByteCount(string value, bool unicode, string tag)
    {
        var text = value.AsSpan();
        if (text.ContainsAny(s_terminators))
        {
            throw new MarcFormatException($"Field {tag} holds a terminator (0x{(int)text[text.IndexOfAny(s_terminators)]:X2}) in its data.");
        }

        if (unicode)
        {
            return Encoding.UTF8.GetByteCount(text);
        }

        // MARC-8 records hold one byte per char (the model invariant); anything above U+00FF was never a byte.
        var wide = text.IndexOfAnyExceptInRange('\0', '\u00FF');
        if (wide >= 0)
        {
            throw new MarcFormatException($"Field {tag} holds U+{(int)text[wide]:X4} but leader/09 is not 'a'; convert the record to Unicode or to MARC-8 first.");
        }

        return text.Length;
    }

    private static int CharByteCount(char c, bool unicode, string tag)
    {
        if (c is '\u001D' or '\u001E' or '\u001F')
        {
            throw new MarcFormatException($"Field {tag} has the structural character 0x{(int)c:X2} as an indicator or subfield code.");
        }

        if (c < 0x80)
        {
            return 1;
        }

        if (!unicode)
        {
            return c <= 0xFF ? 1 : throw new MarcFormatException($"Field {tag} has U+{(int)c:X4} as an indicator or subfield code but leader/09 is not 'a'.");
        }

        return Encoding.UTF8.GetByteCount([c]);
    }

    private static int EncodeText(string value, bool unicode, Span<byte> output) =>
        unicode ? Encoding.UTF8.GetBytes(value, output) : Encoding.Latin1.GetBytes(value, output);

    private static int EncodeChar(char c, bool unicode, Span<byte> output)
    {
        if (c < 0x80 || !unicode)
        {
            output[0] = (byte)c;
            return 1;
        }

        return Encoding.UTF8.GetBytes([c], output);
    }
}
