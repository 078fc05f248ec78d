using System.Text;
using System.Text.Unicode;

namespace Marcgate.Marc.Formats;

/// <summary>Guesses the format of an input from its first bytes.</summary>
public static class MarcFormatDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> wants to see.</summary>
    public const int PrefixLength = 64;

    /// <summary>How many leading bytes <see cref="Examine"/> wants to see: enough for the directory of any first record.</summary>
    public const int ExamineLength = 64 * 1024;

    /// <summary>The format the prefix most likely starts, ISO 2709 when nothing else fits.</summary>
    /// <remarks>
    /// A UTF-8 byte order mark and leading white space are skipped. <c>&lt;</c> starts MARCXML,
    /// <c>{</c> or <c>[</c> MARC-in-JSON, <c>=LDR</c> mnemonic text; anything else is left to the
    /// ISO 2709 reader, whose diagnostics then say what is wrong.
    /// </remarks>
    public static MarcFormat Detect(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            prefix = prefix[3..];
        }

        var start = 0;
        while (start < prefix.Length && prefix[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        prefix = prefix[start..];
        if (prefix.IsEmpty)
        {
            return MarcFormat.Iso2709;
        }

        return prefix[0] switch
        {
            (byte)'<' => MarcFormat.MarcXml,
            (byte)'{' or (byte)'[' => MarcFormat.MarcJson,
            (byte)'=' when prefix.Length >= 4 && prefix[1..4].SequenceEqual("LDR"u8) => MarcFormat.Mnemonic,
            _ => MarcFormat.Iso2709,
        };
    }

    /// <summary>Decides whether an input is MARC, and in which format, or what it is instead.</summary>
    /// <param name="prefix">The first bytes of the input, up to <see cref="ExamineLength"/>.</param>
    /// <param name="expected">The format the user named, if any: it is taken whenever the input is not recognisably something else (an image, a PDF, an archive, HTML, nothing at all).</param>
    /// <remarks>
    /// ISO 2709 must start with a plausible leader: five digits (MARC 21 leader/00-04) and a field terminator (0x1E)
    /// within the record they announce. MARCXML must have a <c>collection</c> or <c>record</c> root element, MARC-in-JSON
    /// a <c>"leader"</c> or <c>"fields"</c> key. Anything else is not MARC, and the answer says what it looks like.
    /// </remarks>
    public static MarcFormatDetection Examine(ReadOnlySpan<byte> prefix, MarcFormat? expected = null)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            prefix = prefix[3..];
        }

        if (Signature(prefix) is { } other)
        {
            return MarcFormatDetection.Other(other);
        }

        var start = 0;
        while (start < prefix.Length && prefix[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var content = prefix[start..];
        if (content.IsEmpty)
        {
            return MarcFormatDetection.Other(prefix.IsEmpty ? "it is empty" : "it holds only white space");
        }

        if (content[0] == (byte)'<' && RootElement(content) is { } root && IsHtml(root))
        {
            return MarcFormatDetection.Other("it looks like an HTML page");
        }

        if (expected is { } forced)
        {
            return MarcFormatDetection.Marc(forced);
        }

        switch (content[0])
        {
            case (byte)'<':
                var name = RootElement(content);
                var local = name?[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
                return name is null || local is "collection" or "record"
                    ? MarcFormatDetection.Marc(MarcFormat.MarcXml)
                    : MarcFormatDetection.Other($"it is XML whose root element is <{name}>, not a MARCXML <collection> or <record>");
            case (byte)'{' or (byte)'[':
                return content.IndexOf("\"leader\""u8) >= 0 || content.IndexOf("\"fields\""u8) >= 0
                    ? MarcFormatDetection.Marc(MarcFormat.MarcJson)
                    : MarcFormatDetection.Other("it is JSON without a MARC-in-JSON \"leader\" or \"fields\"");
            case (byte)'=' when content.Length >= 4 && IsTagChar(content[1]) && IsTagChar(content[2]) && IsTagChar(content[3]):
                return MarcFormatDetection.Marc(MarcFormat.Mnemonic);
        }

        if (IsIso2709(content))
        {
            return MarcFormatDetection.Marc(MarcFormat.Iso2709);
        }

        return MarcFormatDetection.Other(IsText(prefix) ? "it looks like plain text" : "it looks like binary data (no ISO 2709 leader)");
    }

    // Magic numbers of the files most often handed over by mistake.
    private static string? Signature(ReadOnlySpan<byte> prefix) =>
        prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "it looks like a JPEG image"
        : prefix.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "it looks like a PNG image"
        : prefix.StartsWith("GIF8"u8) ? "it looks like a GIF image"
        : prefix.StartsWith("%PDF-"u8) ? "it looks like a PDF document"
        : prefix.StartsWith("PK\u0003\u0004"u8) ? "it looks like a ZIP archive (or an office document)"
        : prefix.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "it looks like gzip-compressed data"
        : null;

    // MARC 21 leader/00-04 is the record length; the directory ends with a field terminator inside that length.
    private static bool IsIso2709(ReadOnlySpan<byte> content)
    {
        if (content.Length < 5)
        {
            return false;
        }

        var length = 0;
        for (var i = 0; i < 5; i++)
        {
            if (content[i] is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            length = (length * 10) + (content[i] - '0');
        }

        // A record length too small to be true is left to the lenient reader, which frames by terminators instead.
        var limit = length > 24 ? Math.Min(length, content.Length) : content.Length;
        return content[..limit].IndexOf((byte)0x1E) > 0;
    }

    private static bool IsTagChar(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z');

    // The name of the first element, past the XML declaration, comments, processing instructions and a DOCTYPE.
    private static string? RootElement(ReadOnlySpan<byte> content)
    {
        var at = 0;
        while (at < content.Length)
        {
            var open = content[at..].IndexOf((byte)'<');
            if (open < 0 || at + open + 1 >= content.Length)
            {
                return null;
            }

            var rest = content[(at + open + 1)..];
            if (rest[0] is (byte)'?' or (byte)'!')
            {
                var end = rest.StartsWith("!--"u8) ? rest.IndexOf("-->"u8) : rest.IndexOf((byte)'>');
                if (rest.Length > 9 && Ascii.EqualsIgnoreCase(rest[1..8], "DOCTYPE"u8) && Ascii.EqualsIgnoreCase(rest[9..Math.Min(rest.Length, 13)], "html"u8))
                {
                    return "html";
                }

                if (end < 0)
                {
                    return null;
                }

                at += open + 1 + end + 1;
                continue;
            }

            var length = 0;
            while (length < rest.Length && rest[length] is not ((byte)' ' or (byte)'>' or (byte)'/' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                length++;
            }

            return length == 0 ? null : Encoding.UTF8.GetString(rest[..length]);
        }

        return null;
    }

    private static bool IsHtml(string root) => root.Equals("html", StringComparison.OrdinalIgnoreCase);

    // Text: well-formed UTF-8 with no control characters but white space (MARC's own separators 0x1D-0x1F are controls).
    private static bool IsText(ReadOnlySpan<byte> prefix)
    {
        foreach (var b in prefix)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C) || b == 0x7F)
            {
                return false;
            }
        }

        // A multi-byte sequence cut by the end of the prefix is still text.
        for (var cut = 0; cut < 4 && cut <= prefix.Length; cut++)
        {
            if (Utf8.IsValid(prefix[..(prefix.Length - cut)]))
            {
                return true;
            }
        }

        return false;
    }
}
