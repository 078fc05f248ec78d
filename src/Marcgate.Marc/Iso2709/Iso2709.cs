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

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>A fixed-width decimal number, or -1 when any byte is not a digit.</summary>
    public static int ParseDigits(ReadOnlySpan<byte> digits)
    {
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
