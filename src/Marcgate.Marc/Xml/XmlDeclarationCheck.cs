using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Xml;

/// <summary>Checks the bytes of a UTF-8 document's XML declaration before <see cref="System.Xml.XmlReader"/> sees them.</summary>
/// <remarks>
/// A declaration is ASCII (XML 1.0 §2.8, §4.3.3). .NET's reader, switching to the declared encoding after a declaration
/// that holds other bytes, can fail with an <see cref="ArgumentOutOfRangeException"/> instead of an XmlException; such a
/// declaration is refused here, as the not well-formed document it is.
/// </remarks>
internal static class XmlDeclarationCheck
{
    private const int Examined = 512;

    /// <summary>Reads the first bytes of <paramref name="stream"/>; returns a stream that yields them again, and the problem found or null.</summary>
    public static Stream Examine(Stream stream, bool leaveOpen, out string? problem)
    {
        var prefix = new byte[Examined];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        problem = Problem(prefix.AsSpan(0, length));
        return new PrefixedStream(prefix, length, stream, leaveOpen);
    }

    private static string? Problem(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (!bytes[start..].StartsWith("<?xml"u8))
        {
            return null;
        }

        var declaration = bytes[start..];
        var end = declaration.IndexOf("?>"u8);
        declaration = end < 0 ? declaration : declaration[..end];
        for (var i = 0; i < declaration.Length; i++)
        {
            var b = declaration[i];
            if (b >= 0x80 || (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r')))
            {
                return $"byte {start + i} of the XML declaration is 0x{b:X2}; a declaration is ASCII (XML 1.0 §2.8)";
            }
        }

        return null;
    }
}
