using System.Buffers;
using System.Text;

namespace Marcgate.Marc.Iso2709;

/// <summary>Writes records as ISO 2709 (MARC 21 transmission format).</summary>
/// <remarks>
/// Records whose leader/09 is <c>a</c> are written as UTF-8; others hold MARC-8 bytes one per char
/// and are written byte for byte. Lengths and offsets count bytes.
/// </remarks>
public sealed class Iso2709Writer
{
    private static readonly Encoding s_latin1 = Encoding.Latin1;

    /// <summary>Serializes one record.</summary>
    /// <exception cref="MarcFormatException">A field is longer than 9,999 bytes or a tag is not three characters.</exception>
    public static byte[] Write(MarcRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(record, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes one record into a buffer writer.</summary>
    /// <exception cref="MarcFormatException">A field is longer than 9,999 bytes or a tag is not three characters.</exception>
    public static void Write(MarcRecord record, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        var encoding = record.Leader.IsUnicode ? Encoding.UTF8 : s_latin1;
        var fieldCount = record.Fields.Count;
        var lengths = fieldCount <= 256 ? stackalloc int[fieldCount] : new int[fieldCount];

        var dataLength = 0;
        for (var i = 0; i < fieldCount; i++)
        {
            var length = FieldByteCount(record.Fields[i], encoding);
            if (length > 9_999)
            {
                throw new MarcFormatException($"Field {record.Fields[i].Tag} is {length} bytes; ISO 2709 allows 9,999.");
            }

            lengths[i] = length;
            dataLength += length;
        }

        var baseAddress = Leader.Length + (fieldCount * Iso2709.DirectoryEntryLength) + 1;
        var total = baseAddress + dataLength + 1;
        var span = output.GetSpan(total)[..total];

        var leader = record.Leader.Clone();
        // Records over 99,999 bytes cannot state their length; 99999 is the convention yaz and MARC::Record follow.
        leader.WriteNumber(0, 5, Math.Min(total, Iso2709.MaxRecordLength));
        leader.WriteNumber(12, 5, Math.Min(baseAddress, Iso2709.MaxRecordLength));
        for (var i = 0; i < Leader.Length; i++)
        {
            span[i] = (byte)leader[i];
        }

        var directory = span[Leader.Length..];
        var data = span[baseAddress..];
        var offset = 0;
        for (var i = 0; i < fieldCount; i++)
        {
            var field = record.Fields[i];
            if (field.Tag.Length != 3)
            {
                throw new MarcFormatException($"Tag '{field.Tag}' is not three characters.");
            }

            var entry = directory.Slice(i * Iso2709.DirectoryEntryLength, Iso2709.DirectoryEntryLength);
            entry[0] = (byte)field.Tag[0];
            entry[1] = (byte)field.Tag[1];
            entry[2] = (byte)field.Tag[2];
            WriteDigits(entry.Slice(3, 4), lengths[i]);
            WriteDigits(entry.Slice(7, 5), offset);
            var written = WriteField(field, encoding, data[offset..]);
            offset += written;
        }

        span[baseAddress - 1] = Iso2709.FieldTerminator;
        span[total - 1] = Iso2709.RecordTerminator;
        output.Advance(total);
    }

    private static int FieldByteCount(MarcField field, Encoding encoding)
    {
        if (field is ControlField control)
        {
            return encoding.GetByteCount(control.Value) + 1;
        }

        var data = (DataField)field;
        var count = 2 + 1;
        foreach (var subfield in data.Subfields)
        {
            count += 1 + CharByteCount(subfield.Code, encoding) + encoding.GetByteCount(subfield.Value);
        }

        return count + CharByteCount(data.Indicator1, encoding) + CharByteCount(data.Indicator2, encoding) - 2;
    }

    private static int CharByteCount(char c, Encoding encoding) => c < 0x80 ? 1 : encoding.GetByteCount([c]);

    private static int WriteField(MarcField field, Encoding encoding, Span<byte> output)
    {
        var at = 0;
        if (field is ControlField control)
        {
            at += encoding.GetBytes(control.Value, output);
        }
        else
        {
            var data = (DataField)field;
            at += WriteChar(data.Indicator1, encoding, output[at..]);
            at += WriteChar(data.Indicator2, encoding, output[at..]);
            foreach (var subfield in data.Subfields)
            {
                output[at++] = Iso2709.SubfieldDelimiter;
                at += WriteChar(subfield.Code, encoding, output[at..]);
                at += encoding.GetBytes(subfield.Value, output[at..]);
            }
        }

        output[at++] = Iso2709.FieldTerminator;
        return at;
    }

    private static int WriteChar(char c, Encoding encoding, Span<byte> output)
    {
        if (c < 0x80)
        {
            output[0] = (byte)c;
            return 1;
        }

        return encoding.GetBytes([c], output);
    }

    private static void WriteDigits(Span<byte> slot, int value)
    {
        for (var i = slot.Length - 1; i >= 0; i--)
        {
            slot[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
