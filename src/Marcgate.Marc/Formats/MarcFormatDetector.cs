namespace Marcgate.Marc.Formats;

/// <summary>Guesses the format of an input from its first bytes.</summary>
public static class MarcFormatDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> wants to see.</summary>
    public const int PrefixLength = 64;

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
}
