using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Marcgate.Marc.Charset;

public static partial class MarcCharsetConverter
{
    /// <summary>
    /// Leader/09 is a claim, not a fact: a blank leader over bytes that are well-formed UTF-8 with
    /// multibyte sequences and no ESC (Aleph exports such as FSL.marc) is UTF-8. ANSEL text almost
    /// never forms valid UTF-8, because its diacritics (E0-FE) precede ASCII letters, not 80-BF bytes.
    /// </summary>
    internal static bool LooksLikeUtf8(MarcRecord record)
    {
        // Direct loops rather than an iterator: this runs once per record before any decoding.
        var multibyte = false;
        Span<char> buffer = stackalloc char[256];
        foreach (var field in record.Fields)
        {
            if (field is ControlField control)
            {
                if (!CheckUtf8(control.Value, ref multibyte))
                {
                    return false;
                }
            }
            else if (field is DataField data)
            {
                // Read through the indexed view: a field the reader has not decoded yet stays undecoded.
                var subfields = new IndexedSubfields(data);
                for (var i = 0; i < subfields.Count; i++)
                {
                    if (!CheckUtf8(subfields.Value(i, buffer), ref multibyte))
                    {
                        return false;
                    }
                }
            }
        }

        return multibyte;
    }

    // False when the value rules UTF-8 out; sets multibyte when it holds a well-formed multibyte sequence.
    private static bool CheckUtf8(ReadOnlySpan<char> span, ref bool multibyte)
    {
        if (!span.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return true;
        }

        if (span.Contains('\u001B') || span.ContainsAnyExceptInRange('\0', '\u00FF') || !IsUtf8(span))
        {
            return false;
        }

        multibyte = true;
        return true;
    }

    private static bool IsUtf8(ReadOnlySpan<char> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            var length = Encoding.Latin1.GetBytes(bytes, buffer);
            return Utf8.IsValid(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Utf8FromBytes(string bytes) =>
        bytes.AsSpan().ContainsAnyExceptInRange('\0', '\u007F') ? Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(bytes)) : bytes;

    private static string Nfc(string value) =>
        !value.AsSpan().ContainsAnyExceptInRange('\0', '\u02FF') || value.IsNormalized(NormalizationForm.FormC)
            ? value
            : value.Normalize(NormalizationForm.FormC);
}
