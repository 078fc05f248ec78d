using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Marcgate.Marc.Iso2709;

/// <summary>Bytes to strings for the record model: UTF-8 under leader/09 'a', otherwise one char per byte (MARC-8 kept raw).</summary>
internal static class Iso2709Text
{
    // Every numeric tag as a shared string: tags are the most frequent small strings of a record.
    private static readonly string[] s_numericTags = CreateNumericTags();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string Tag(ReadOnlySpan<byte> tag)
    {
        if (tag.Length == 3 && IsDigit(tag[0]) && IsDigit(tag[1]) && IsDigit(tag[2]))
        {
            return s_numericTags[((tag[0] - '0') * 100) + ((tag[1] - '0') * 10) + (tag[2] - '0')];
        }

        return Encoding.Latin1.GetString(tag);
    }

    /// <summary>Decodes field data; invalid UTF-8 becomes U+FFFD and is reported.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Decode(ReadOnlySpan<byte> bytes, bool unicode, long offsetInRecord, string tag, Iso2709ParseContext context)
    {
        // Most UTF-8 field data is plain ASCII: then one char per byte, and no scan for U+FFFD afterwards.
        if (!unicode || Ascii.IsValid(bytes))
        {
            return DecodeValid(bytes, unicode: false);
        }

        // Invalid UTF-8 always decodes to U+FFFD, so the bytes are checked only when the text holds one.
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Contains('\uFFFD', StringComparison.Ordinal) && !Utf8.IsValid(bytes))
        {
            context.Warn(MarcDiagnosticIds.InvalidUtf8, offsetInRecord + FirstInvalidUtf8(bytes), $"field {tag} holds bytes that are not valid UTF-8 although leader/09 is 'a'; they were replaced with U+FFFD");
        }

        return text;
    }

    /// <summary>Decodes field data known to be valid (checked when it was read): the text <see cref="Decode"/> gives, without diagnostics.</summary>
    public static string DecodeValid(ReadOnlySpan<byte> bytes, bool unicode) =>
        bytes.IsEmpty ? string.Empty
        : !unicode || Ascii.IsValid(bytes) ? OneCharPerByte(bytes)
        : Encoding.UTF8.GetString(bytes);

    /// <summary>
    /// Decodes field data known to be valid into <paramref name="destination"/>, which needs room for one character per
    /// byte (UTF-8 never gives more characters than bytes).
    /// </summary>
    /// <returns>The number of characters written.</returns>
    public static int DecodeValid(ReadOnlySpan<byte> bytes, bool unicode, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, bytes.Length, nameof(destination));
        if (!unicode || Ascii.IsValid(bytes))
        {
            WidenOneCharPerByte(bytes, destination);
            return bytes.Length;
        }

        return Encoding.UTF8.GetChars(bytes, destination);
    }

    /// <summary>Bytes as chars of the same value (ISO 8859-1), straight into the new string.</summary>
    public static string OneCharPerByte(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length, bytes, static (chars, source) => WidenOneCharPerByte(source, chars));

    private static void WidenOneCharPerByte(ReadOnlySpan<byte> source, Span<char> chars)
    {
        // ASCII is widened a vector at a time up to the first byte above 0x7F (MARC-8 diacritics, rare); the rest one by one.
        Ascii.ToUtf16(source, chars, out var widened);
        for (var i = widened; i < source.Length; i++)
        {
            chars[i] = (char)source[i];
        }
    }

    /// <summary>Reads one character (indicator or subfield code): one byte, or one UTF-8 sequence in a Unicode record.</summary>
    /// <returns>The number of bytes taken.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ReadChar(ReadOnlySpan<byte> bytes, bool unicode, long offsetInRecord, string tag, Iso2709ParseContext context, out char value)
    {
        var first = bytes[0];
        if (!unicode || first < 0x80)
        {
            value = (char)first;
            return 1;
        }

        var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
        if (status == System.Buffers.OperationStatus.Done && rune.IsBmp)
        {
            value = (char)rune.Value;
            return consumed;
        }

        // Invalid UTF-8, or a character outside the BMP that one char cannot hold.
        context.Warn(MarcDiagnosticIds.InvalidUtf8, offsetInRecord, $"field {tag} has an indicator or subfield code that is not one UTF-16 character ('{Iso2709.Printable(bytes[..Math.Max(consumed, 1)])}'); U+FFFD was used");
        value = '\uFFFD';
        return Math.Max(consumed, 1);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static string[] CreateNumericTags()
    {
        var tags = new string[1000];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        }

        return tags;
    }
}
