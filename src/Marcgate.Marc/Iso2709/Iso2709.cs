using System.Runtime.CompilerServices;

namespace Marcgate.Marc.Iso2709;

/// <summary>ISO 2709 structural constants (MARC 21 Specifications, "Record structure").</summary>
internal static class Iso2709
{
    public const byte SubfieldDelimiter = 0x1F;
    public const byte FieldTerminator = 0x1E;
    public const byte RecordTerminator = 0x1D;
    public const int DirectoryEntryLength = 12;
    public const int MaxRecordLength = 99_999;

    /// <summary>Field starts are five digits, so offsets past 99,999 wrap (see <see cref="Iso2709Writer"/>).</summary>
    public const int StartModulus = 100_000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>A fixed-width decimal number, or -1 when any byte is not a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseDigits(ReadOnlySpan<byte> digits)
    {
        // Directory entries hold a four-digit length and a five-digit start: those are read four bytes at a time.
        if (digits.Length is 4 or 5)
        {
            var four = ParseFourDigits(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(digits));
            if (four < 0 || digits.Length == 4)
            {
                return four;
            }

            return IsDigit(digits[4]) ? (four * 10) + (digits[4] - '0') : -1;
        }

        var value = 0;
        foreach (var b in digits)
        {
            if (!IsDigit(b))
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }

    // Four ASCII bytes, the first in the low byte: each must be 0x30-0x39; then pairs are combined in place (d0*10+d1, d2*10+d3).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ParseFourDigits(uint bytes)
    {
        if ((bytes & 0xF0F0F0F0u) != 0x30303030u || ((bytes + 0x06060606u) & 0xF0F0F0F0u) != 0x30303030u)
        {
            return -1;
        }

        var digits = bytes & 0x0F0F0F0Fu;
        var pairs = ((digits * 10) + (digits >> 8)) & 0x00FF00FFu;
        return (int)(((pairs & 0xFFFF) * 100) + (pairs >> 16));
    }

    /// <summary>Bytes as printable text for messages: control and non-ASCII bytes as \xNN.</summary>
    public static string Printable(ReadOnlySpan<byte> bytes, int max = 24)
    {
        var text = new System.Text.StringBuilder();
        foreach (var b in bytes[..Math.Min(bytes.Length, max)])
        {
            if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (bytes.Length > max)
        {
            text.Append('…');
        }

        return text.ToString();
    }
}
