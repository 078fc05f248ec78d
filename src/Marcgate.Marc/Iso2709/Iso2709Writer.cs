using System.Buffers;

namespace Marcgate.Marc.Iso2709;

/// <summary>Writes records as ISO 2709 (MARC 21 transmission format).</summary>
/// <remarks>
/// Records whose leader/09 is <c>a</c> are written as UTF-8; others hold MARC-8 bytes one per char
/// and are written byte for byte. Lengths and offsets count bytes. The leader is written as it stands
/// apart from the record length and base address, as yaz does (the reader assumes 22/450 where it is
/// wrong, so a record read from ISO 2709 is written valid). A record over 99,999 bytes gets the length 99999 (the convention
/// yaz and MARC::Record follow) and field starts modulo 100,000, which <see cref="Iso2709Reader"/>
/// reads back with a diagnostic.
/// </remarks>
public sealed class Iso2709Writer : IDisposable
{
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _pending = new(FlushThreshold * 2);

    /// <summary>Creates a writer that appends records to a stream.</summary>
    public Iso2709Writer(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Appends one record (buffered; see <see cref="Flush"/>).</summary>
    /// <exception cref="MarcFormatException">The record cannot be expressed in ISO 2709.</exception>
    public void WriteRecord(MarcRecord record)
    {
        Write(record, _pending);
        if (_pending.WrittenCount >= FlushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Writes the buffered records to the stream.</summary>
    public void Flush()
    {
        _stream.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Serializes one record.</summary>
    /// <exception cref="MarcFormatException">The record cannot be expressed in ISO 2709.</exception>
    public static byte[] Write(MarcRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        Write(record, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes one record into a buffer writer, with no intermediate arrays.</summary>
    /// <exception cref="MarcFormatException">
    /// A field is longer than 9,999 bytes, a tag is not three one-byte characters, a value holds a
    /// terminator (0x1D, 0x1E), an indicator or code is a structural byte, or a MARC-8 record holds a character above U+00FF.
    /// </exception>
    public static void Write(MarcRecord record, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(output);
        var unicode = record.Leader.IsUnicode;
        var fieldCount = record.Fields.Count;
        int[]? rented = null;
        var lengths = fieldCount <= 256 ? stackalloc int[fieldCount] : (rented = ArrayPool<int>.Shared.Rent(fieldCount)).AsSpan(0, fieldCount);
        try
        {
            var dataLength = 0;
            for (var i = 0; i < fieldCount; i++)
            {
                var length = Iso2709FieldEncoder.ByteCount(record.Fields[i], unicode);
                if (length > 9_999)
                {
                    throw new MarcFormatException($"Field {i + 1} ({record.Fields[i].Tag}) is {length} bytes; ISO 2709 allows 9,999.");
                }

                lengths[i] = length;
                dataLength += length;
            }

            var baseAddress = Leader.Length + (fieldCount * Iso2709.DirectoryEntryLength) + 1;
            var total = baseAddress + dataLength + 1;
            var span = output.GetSpan(total)[..total];
            WriteLeader(record.Leader, total, baseAddress, span);
            var offset = 0;
            for (var i = 0; i < fieldCount; i++)
            {
                var field = record.Fields[i];
                var entry = span.Slice(Leader.Length + (i * Iso2709.DirectoryEntryLength), Iso2709.DirectoryEntryLength);
                WriteTag(field.Tag, entry);
                WriteDigits(entry.Slice(3, 4), lengths[i]);
                WriteDigits(entry.Slice(7, 5), offset % Iso2709.StartModulus);
                Iso2709FieldEncoder.Encode(field, unicode, span.Slice(baseAddress + offset, lengths[i]));
                offset += lengths[i];
            }

            span[baseAddress - 1] = Iso2709.FieldTerminator;
            span[total - 1] = Iso2709.RecordTerminator;
            output.Advance(total);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private static void WriteLeader(Leader leader, int total, int baseAddress, Span<byte> span)
    {
        for (var i = 0; i < Leader.Length; i++)
        {
            var c = leader[i];
            if (c > 0xFF)
            {
                throw new MarcFormatException($"Leader/{i:D2} is U+{(int)c:X4}; a leader holds one byte per position.");
            }

            span[i] = (byte)c;
        }

        // Records over 99,999 bytes cannot state their length; 99999 is the convention yaz and MARC::Record follow.
        WriteDigits(span[..5], Math.Min(total, Iso2709.MaxRecordLength));
        WriteDigits(span.Slice(12, 5), Math.Min(baseAddress, Iso2709.MaxRecordLength));
    }

    private static void WriteTag(string tag, Span<byte> entry)
    {
        if (tag.Length != 3 || tag[0] > 0xFF || tag[1] > 0xFF || tag[2] > 0xFF)
        {
            throw new MarcFormatException($"Tag '{tag}' is not three one-byte characters.");
        }

        entry[0] = (byte)tag[0];
        entry[1] = (byte)tag[1];
        entry[2] = (byte)tag[2];
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
