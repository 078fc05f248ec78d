using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Json;
using Marcgate.Marc.Mnemonic;
using Marcgate.Marc.Xml;

namespace Marcgate.Marc.Formats;

/// <summary>Opens readers and writers for any <see cref="MarcFormat"/>, detecting the input format when it is not given.</summary>
public static class MarcFormats
{
    /// <summary>The names used on the command line, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["iso2709", "marcxml", "json", "mrk"];

    /// <summary>Parses a command-line format name (<c>iso2709</c>/<c>marc</c>/<c>mrc</c>, <c>marcxml</c>/<c>xml</c>, <c>json</c>, <c>mrk</c>/<c>mrk8</c>).</summary>
    public static bool TryParse(string? name, out MarcFormat format)
    {
        format = name?.ToLowerInvariant() switch
        {
            "iso2709" or "marc" or "mrc" or "usmarc" => MarcFormat.Iso2709,
            "marcxml" or "xml" => MarcFormat.MarcXml,
            "json" or "marc-in-json" or "mij" => MarcFormat.MarcJson,
            "mrk" or "mrk8" or "mnemonic" => MarcFormat.Mnemonic,
            _ => (MarcFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>Opens a reader; when <paramref name="format"/> is null the first bytes decide (see <see cref="MarcFormatDetector"/>).</summary>
    /// <exception cref="IOException">Reading the first bytes failed.</exception>
    public static IMarcRecordReader OpenReader(Stream stream, MarcFormat? format, MarcReaderOptions options, out MarcFormat detected, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (format is { } known)
        {
            detected = known;
        }
        else
        {
            stream = Detect(stream, leaveOpen, out detected);
            leaveOpen = false;
        }

        return detected switch
        {
            MarcFormat.MarcXml => new MarcXmlReader(stream, options, leaveOpen),
            MarcFormat.MarcJson => new MarcJsonReader(stream, options, leaveOpen),
            MarcFormat.Mnemonic => new MnemonicReader(stream, options, leaveOpen),
            _ => new Iso2709Reader(stream, options, leaveOpen),
        };
    }

    /// <summary>Reads the first bytes to detect the format; returns a stream that still yields them.</summary>
    internal static Stream Detect(Stream stream, bool leaveOpen, out MarcFormat detected)
    {
        var prefix = new byte[MarcFormatDetector.PrefixLength];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        detected = MarcFormatDetector.Detect(prefix.AsSpan(0, length));
        return new PrefixedStream(prefix, length, stream, leaveOpen);
    }

    /// <summary>Reads the first bytes of an input to decide whether it is MARC and in which format (see <see cref="MarcFormatDetector.Examine"/>).</summary>
    /// <param name="stream">The input, at its start.</param>
    /// <param name="expected">The format the user named, or null to detect it.</param>
    /// <param name="detection">The answer.</param>
    /// <param name="leaveOpen">Whether disposing the returned stream leaves <paramref name="stream"/> open.</param>
    /// <returns>A stream that reads the input from its start again.</returns>
    /// <exception cref="IOException">Reading the first bytes failed.</exception>
    public static Stream Examine(Stream stream, MarcFormat? expected, out MarcFormatDetection detection, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[MarcFormatDetector.ExamineLength];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = stream.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        detection = MarcFormatDetector.Examine(prefix.AsSpan(0, length), expected);
        if (stream.CanSeek)
        {
            stream.Seek(-length, SeekOrigin.Current);
            return leaveOpen ? new PrefixedStream([], 0, stream, leaveOpen: true) : stream;
        }

        return new PrefixedStream(prefix, length, stream, leaveOpen);
    }

    /// <summary>Opens a writer for a format.</summary>
    public static IMarcRecordWriter OpenWriter(Stream stream, MarcFormat format, bool leaveOpen = false) => format switch
    {
        MarcFormat.MarcXml => new MarcXmlWriter(stream, leaveOpen),
        MarcFormat.MarcJson => new MarcJsonWriter(stream, leaveOpen),
        MarcFormat.Mnemonic => new MnemonicWriter(stream, leaveOpen),
        _ => new Iso2709RecordWriter(stream, leaveOpen),
    };
}
