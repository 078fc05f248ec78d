using System.Buffers;
using System.Text.Unicode;

namespace Marcgate.Marc.Xml;

/// <summary>
/// The fast path: an ISO 2709 record in UTF-8 (or 7-bit ASCII) copied to MARCXML byte for byte,
/// without building a <see cref="MarcRecord"/>. It applies only to records on which the ISO 2709
/// parser would report nothing, so its output is exactly what parsing and <see cref="Write"/> give;
/// anything else is left to that slower path.
/// </summary>
public sealed partial class MarcXmlWriter
{
    private const byte SubfieldDelimiter = 0x1F;
    private const byte FieldTerminator = 0x1E;
    private const byte RecordTerminator = 0x1D;
    private static readonly SearchValues<byte> s_markup = SearchValues.Create("&<>\""u8);

    /// <summary>Writes one well-formed ISO 2709 record (leader to 0x1D) directly; false, with nothing written, when it needs the full parser.</summary>
    internal bool TryWriteIso2709(ReadOnlySpan<byte> record, int maxFields)
    {
        if (!IsPlain(record, maxFields, out var baseAddress))
        {
            return false;
        }

        Start();
        _output.Append("<record>\n  <leader>"u8);
        AppendEscaped(record[..9]);
        _output.Append((byte)'a');
        AppendEscaped(record[10..24]);
        _output.Append("</leader>\n"u8);
        var directory = record[24..(baseAddress - 1)];
        var data = record[baseAddress..];
        for (var entry = 0; entry < directory.Length; entry += 12)
        {
            var tag = directory.Slice(entry, 3);
            var field = data.Slice(Digits(directory.Slice(entry + 7, 5)), Digits(directory.Slice(entry + 3, 4)) - 1);
            if (tag[0] == '0' && tag[1] == '0')
            {
                _output.Append("  <controlfield tag=\""u8);
                _output.Append(tag);
                _output.Append("\">"u8);
                AppendEscaped(field);
                _output.Append("</controlfield>\n"u8);
                continue;
            }

            _output.Append("  <datafield tag=\""u8);
            _output.Append(tag);
            _output.Append("\" ind1=\""u8);
            AppendEscaped(field[..1]);
            _output.Append("\" ind2=\""u8);
            AppendEscaped(field[1..2]);
            _output.Append("\">\n"u8);
            var rest = field[2..];
            while (rest.Length > 0)
            {
                rest = rest[1..];
                var next = rest.IndexOf(SubfieldDelimiter);
                var chunk = next < 0 ? rest : rest[..next];
                _output.Append("    <subfield code=\""u8);
                AppendEscaped(chunk[..1]);
                _output.Append("\">"u8);
                AppendEscaped(chunk[1..]);
                _output.Append("</subfield>\n"u8);
                rest = next < 0 ? [] : rest[next..];
            }

            _output.Append("  </datafield>\n"u8);
        }

        _output.Append("</record>\n"u8);
        _output.DrainIfFull();
        return true;
    }

    // True when the record is one the ISO 2709 parser reads without a single diagnostic and whose text XML can carry as it is.
    private static bool IsPlain(ReadOnlySpan<byte> record, int maxFields, out int baseAddress)
    {
        baseAddress = 0;
        if (record.Length < 26 || record[^1] != RecordTerminator || Digits(record[..5]) != record.Length)
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

        baseAddress = Digits(leader[12..17]);
        if (baseAddress < 25 || baseAddress >= record.Length || record[baseAddress - 1] != FieldTerminator)
        {
            return false;
        }

        var directory = record[24..(baseAddress - 1)];
        var data = record[baseAddress..^1];
        if (directory.Length % 12 != 0 || directory.Length / 12 > maxFields || directory.IndexOf(FieldTerminator) >= 0)
        {
            return false;
        }

        // The text: UTF-8 under leader/09 'a'; under a blank leader/09 only 7-bit ASCII, which MARC-8 shares with Unicode.
        if (unicode ? !Utf8.IsValid(data) : data.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
        {
            return false;
        }

        // Fields must tile the data in directory order, as writers lay them out; anything else is left to the parser's recovery.
        var expectedStart = 0;
        for (var entry = 0; entry < directory.Length; entry += 12)
        {
            var tag = directory.Slice(entry, 3);
            var length = Digits(directory.Slice(entry + 3, 4));
            var start = Digits(directory.Slice(entry + 7, 5));
            if (tag.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0 || length < 1 || start != expectedStart || start + length > data.Length
                || data[start + length - 1] != FieldTerminator)
            {
                return false;
            }

            expectedStart += length;

            var field = data.Slice(start, length - 1);
            if (tag[0] == '0' && tag[1] == '0')
            {
                if (field.IndexOfAnyInRange((byte)0x00, (byte)0x1F) >= 0)
                {
                    return false;
                }

                continue;
            }

            if (!IsPlainDataField(field))
            {
                return false;
            }
        }

        return expectedStart == data.Length;
    }

    // Two ASCII indicators, then subfields each with an ASCII code, no empty ones, no other control bytes, no U+FFFE/U+FFFF.
    private static bool IsPlainDataField(ReadOnlySpan<byte> field)
    {
        if (field.Length < 2 || field[..2].IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0)
        {
            return false;
        }

        var rest = field[2..];
        if (rest.Length > 0 && rest[0] != SubfieldDelimiter)
        {
            return false;
        }

        while (rest.Length > 0)
        {
            rest = rest[1..];
            var next = rest.IndexOf(SubfieldDelimiter);
            var chunk = next < 0 ? rest : rest[..next];
            if (chunk.Length == 0 || chunk[0] is < 0x20 or > 0x7E || chunk.IndexOfAnyInRange((byte)0x00, (byte)0x1F) >= 0
                || chunk.IndexOf("\uFFFE"u8) >= 0 || chunk.IndexOf("\uFFFF"u8) >= 0)
            {
                return false;
            }

            rest = next < 0 ? [] : rest[next..];
        }

        return true;
    }

    private static int Digits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }

    private void AppendEscaped(ReadOnlySpan<byte> text)
    {
        while (true)
        {
            var next = text.IndexOfAny(s_markup);
            if (next < 0)
            {
                _output.Append(text);
                return;
            }

            _output.Append(text[..next]);
            _output.Append(text[next] switch
            {
                (byte)'&' => "&amp;"u8,
                (byte)'<' => "&lt;"u8,
                (byte)'>' => "&gt;"u8,
                _ => "&quot;"u8,
            });
            text = text[(next + 1)..];
        }
    }
}
