using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Marcgate.Marc;
using Marcgate.Marc.Formats;

namespace Marcgate.Cli;

/// <summary>One input of records for any command that reads them: a file or standard input, in a format detected from its content or named with <c>--from</c>.</summary>
/// <remarks>Input that is not MARC (an image, a PDF, HTML, plain text, binary bytes, nothing) is refused with one line saying what it looks like.</remarks>
internal sealed class RecordInput : IDisposable
{
    private RecordInput(string name, Stream stream, MarcFormat format)
    {
        Name = name;
        Stream = stream;
        Format = format;
    }

    /// <summary>The path as given, or <c>-</c> for standard input.</summary>
    public string Name { get; }

    /// <summary>The input from its first byte.</summary>
    public Stream Stream { get; }

    public MarcFormat Format { get; }

    /// <summary>The <c>--from</c> option, one per command.</summary>
    public static Option<string?> FromOption() => new("--from")
    {
        Description = "Input format (default: detected from the content of each input)",
        HelpName = string.Join('|', MarcFormats.Names),
    };

    /// <summary>Checks a <c>--from</c> value: null when absent, or a usage problem.</summary>
    public static bool TryParseFrom(string? value, out MarcFormat? format, [NotNullWhen(false)] out string? problem)
    {
        format = null;
        problem = null;
        if (value is null)
        {
            return true;
        }

        if (MarcFormats.TryParse(value, out var parsed))
        {
            format = parsed;
            return true;
        }

        problem = $"--from must be one of {string.Join('|', MarcFormats.Names)}, not '{value}'";
        return false;
    }

    /// <summary>Opens a path (or <c>-</c>) and decides its format; on failure writes one line to <paramref name="errors"/>.</summary>
    public static bool TryOpen(string path, MarcFormat? from, string command, TextWriter errors, [NotNullWhen(true)] out RecordInput? input)
    {
        input = null;
        Stream? raw = null;
        try
        {
            raw = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var stream = MarcFormats.Examine(raw, from, out var detection);
            if (detection.Format is not { } format)
            {
                stream.Dispose();
                errors.WriteLine($"marcgate {command}: {Shown(path)}: not MARC: {detection.NotMarc}");
                return false;
            }

            input = new RecordInput(path, stream, format);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            raw?.Dispose();
            errors.WriteLine($"marcgate {command}: {Shown(path)}: cannot read: {e.Message}");
            return false;
        }
    }

    /// <summary>A reader of the input's records.</summary>
    public IMarcRecordReader OpenReader(MarcReaderOptions options) => MarcFormats.OpenReader(Stream, Format, options, out _, leaveOpen: true);

    public void Dispose() => Stream.Dispose();

    private static string Shown(string path) => path == "-" ? "standard input" : path;
}
