using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;
using static Marcgate.Marc.Iso2709.Iso2709;

namespace Marcgate.Marc.Xml;

/// <summary>
/// The fast path: an ISO 2709 record in UTF-8 (or 7-bit ASCII) copied to MARCXML byte for byte,
/// without building a <see cref="MarcRecord"/>. It applies only to records on which the ISO 2709
/// parser would report nothing, so its output is exactly what parsing and <see cref="Write"/> give;
/// anything else is left to that slower path.
/// </summary>
public sealed partial class MarcXmlWriter
{
    private static readonly SearchValues<byte> s_markup = SearchValues.Create("&<>\""u8);
    private static readonly byte[] s_nonCharacterPrefix = [0xEF, 0xBF];

    /// <summary>Writes one well-formed ISO 2709 record (leader to 0x1D) directly; false, with nothing written, when it needs the full parser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryWriteIso2709(ReadOnlySpan<byte> record, int maxFields)
    {
        if (!IsPlain(record, maxFields, out var baseAddress))
        {
            return false;
        }

        Start();
        var directory = record[24..(baseAddress - 1)];
        var data = record[baseAddress..];

        // Worst case: every byte escaped as &quot; (6 bytes) plus the markup of each field and subfield.
        var span = _output.Reserve((record.Length * 6) + ((directory.Length / 12) * 64) + (data.Count(SubfieldDelimiter) * 40) + 128);
        var at = 0;
        Put(span, ref at, "<record>\n  <leader>"u8);
        PutEscaped(span, ref at, record[..9]);
        span[at++] = (byte)'a';
        PutEscaped(span, ref at, record[10..24]);
        Put(span, ref at, "</leader>\n"u8);
        for (var entry = 0; entry < directory.Length; entry += 12)
        {
            var tag = directory.Slice(entry, 3);
            var field = data.Slice(ParseDigits(directory.Slice(entry + 7, 5)), ParseDigits(directory.Slice(entry + 3, 4)) - 1);
            if (tag[0] == '0' && tag[1] == '0')
            {
                Put(span, ref at, "  <controlfield tag=\""u8);
                Put(span, ref at, tag);
                Put(span, ref at, "\">"u8);
                PutEscaped(span, ref at, field);
                Put(span, ref at, "</controlfield>\n"u8);
                continue;
            }

            Put(span, ref at, "  <datafield tag=\""u8);
            Put(span, ref at, tag);
            Put(span, ref at, "\" ind1=\""u8);
            PutEscaped(span, ref at, field[..1]);
            Put(span, ref at, "\" ind2=\""u8);
            PutEscaped(span, ref at, field[1..2]);
            Put(span, ref at, "\">\n"u8);
            var rest = field[2..];
            while (rest.Length > 0)
            {
                rest = rest[1..];
                var next = rest.IndexOf(SubfieldDelimiter);
                var chunk = next < 0 ? rest : rest[..next];
                Put(span, ref at, "    <subfield code=\""u8);
                PutEscaped(span, ref at, chunk[..1]);
                Put(span, ref at, "\">"u8);
                PutEscaped(span, ref at, chunk[1..]);
                Put(span, ref at, "</subfield>\n"u8);
                rest = next < 0 ? [] : rest[next..];
            }

            Put(span, ref at, "  </datafield>\n"u8);
        }

        Put(span, ref at, "</record>\n"u8);
        _output.Advance(at);
        _output.DrainIfFull();
        return true;
    }

    // MARC21slim indicatorDataType [0-9a-z ]; the writer blanks any other indicator and says so.
    private static bool IsMarcXmlIndicator(byte b) => b is (byte)' ' or (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'z');

    private static void Put(Span<byte> span, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        at += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PutEscaped(Span<byte> span, ref int at, ReadOnlySpan<byte> text)
    {
        while (true)
        {
            var next = text.IndexOfAny(s_markup);
            if (next < 0)
            {
                Put(span, ref at, text);
                return;
            }

            Put(span, ref at, text[..next]);
            Put(span, ref at, text[next] switch
            {
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                _ => "&quot;"u8,
            });
            text = text[(next + 1)..];
        }
    }

    // True when the record is one the ISO 2709 parser reads without a single diagnostic and whose text XML can carry as it is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlain(ReadOnlySpan<byte> record, int maxFields, out int baseAddress)
    {
        baseAddress = 0;
        if (record.Length < 26 || record[^1] != RecordTerminator || ParseDigits(record[..5]) != record.Length)
        {
            return false;
        }

        var leader = record[..24];
        var unicode = leader[9] == (byte)'a';

        // MARC 21 leader/10-11 "22" and 20-23 "4500"; anything else draws a diagnostic from the parser.
        if (leader.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0 || !(unicode || leader[9] == (byte)' ')
            || !leader[10..12].SequenceEqual("22"u8) || !leader[20..24].SequenceEqual("4500"u8))
        {
            return false;
        }

        baseAddress = ParseDigits(leader[12..17]);
        if (baseAddress < 25 || baseAddress >= record.Length || record[baseAddress - 1] != FieldTerminator)
        {
            return false;
        }

        var directory = record[24..(baseAddress - 1)];
        var data = record[baseAddress..^1];
        if (directory.Length == 0 || directory.Length % 12 != 0 || directory.Length / 12 > maxFields || directory.IndexOf(FieldTerminator) >= 0)
        {
            return false;
        }

        // The text: UTF-8 under leader/09 'a'; under a blank leader/09 only 7-bit ASCII, which MARC-8 shares with Unicode.
        // XML 1.0 cannot carry U+FFFE and U+FFFF (EF BF BE, EF BF BF), nor C0 controls, which are checked per field below.
        if (unicode ? !Utf8.IsValid(data) || data.IndexOf(s_nonCharacterPrefix) >= 0 : data.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            return false;
        }

        // Fields must tile the data in directory order, as writers lay them out; anything else is left to the parser's recovery.
        var expectedStart = 0;
        var seenDataField = false;
        for (var entry = 0; entry < directory.Length; entry += 12)
        {
            var tag = directory.Slice(entry, 3);
            var length = ParseDigits(directory.Slice(entry + 3, 4));
            var start = ParseDigits(directory.Slice(entry + 7, 5));
            if (tag.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0 || length < 1 || start != expectedStart || start + length > data.Length
                || data[start + length - 1] != FieldTerminator)
            {
                return false;
            }

            expectedStart += length;

            var field = data.Slice(start, length - 1);
            if (tag[0] == '0' && tag[1] == '0')
            {
                // MARC21slim wants control fields before data fields; moving one up is reported, so it is the writer's job.
                if (seenDataField || field.IndexOfAnyInRange((byte)0x00, (byte)0x1F) >= 0)
                {
                    return false;
                }

                continue;
            }

            seenDataField = true;
            if (!IsPlainDataField(field))
            {
                return false;
            }
        }

        return expectedStart == data.Length;
    }

    // Two MARCXML indicators, then subfields each with an ASCII code, no empty ones, no other control bytes, no U+FFFE/U+FFFF.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlainDataField(ReadOnlySpan<byte> field)
    {
        if (field.Length < 2 || !IsMarcXmlIndicator(field[0]) || !IsMarcXmlIndicator(field[1]))
        {
            return false;
        }

        var rest = field[2..];
        if (rest.Length > 0 && rest[0] != SubfieldDelimiter)
        {
            return false;
        }

        if (rest.IndexOfAnyInRange((byte)0x00, (byte)0x1E) >= 0)
        {
            return false;
        }

        // Each delimiter must be followed by a printable ASCII code: no empty or code-less subfields.
        var at = 0;
        while (at < rest.Length)
        {
            if (at + 1 >= rest.Length || rest[at + 1] is < 0x20 or > 0x7E)
            {
                return false;
            }

            var next = rest[(at + 1)..].IndexOf(SubfieldDelimiter);
            if (next < 0)
            {
                break;
            }

            at += next + 1;
        }

        return true;
    }
}
