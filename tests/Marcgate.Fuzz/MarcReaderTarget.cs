using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Xml;

namespace Marcgate.Fuzz;

/// <summary>A MARC reader as <c>marcgate import</c> and <c>convert</c> use it: every record read, converted to Unicode and written again.</summary>
/// <param name="name">The target's name.</param>
/// <param name="format">The format named with <c>--from</c>, or null to detect it from the first bytes as the CLI does without it.</param>
/// <param name="mode">Strict or lenient reading.</param>
/// <param name="seedSources">Files and folders under the repository root to seed from.</param>
/// <param name="seedExtensions">The extensions of the files to take from the folders.</param>
internal sealed class MarcReaderTarget(string name, MarcFormat? format, MarcReadMode mode, string[] seedSources, string[] seedExtensions) : FuzzTarget
{
    private const byte RecordTerminator = 0x1D;

    // The defaults' limits (1 MiB records, 10,000 fields) exceed any input the fuzzer makes; smaller ones let a
    // short input reach the limit checks.
    private readonly MarcReaderOptions _options = new() { Mode = mode, MaxRecordBytes = 16 * 1024, MaxFields = 500 };

    public override string Name => name;

    public override string Description =>
        $"{(format is { } f ? f.ToString() : "detected format")}, {mode.ToString().ToLowerInvariant()}: read, to Unicode, written as ISO 2709"
        + (format is null or MarcFormat.Iso2709 ? "; ISO 2709 also converted to MARCXML as convert does" : string.Empty);

    public override IEnumerable<string> SeedSources => seedSources;

    public override IEnumerable<byte[]> SeedsFrom(string path, byte[] content)
    {
        if (!seedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
        {
            return [];
        }

        if (content.Length <= SeedCorpus.MaxSeedBytes)
        {
            return [content];
        }

        // A large file: its first records, up to the last record terminator (ISO 2709) or blank line (.mrk) that fits.
        var head = content.AsSpan(0, SeedCorpus.MaxSeedBytes);
        var end = Path.GetExtension(path) switch
        {
            ".mrc" or ".marc" or ".usmarc" or ".dat" => head.LastIndexOf(RecordTerminator) + 1,
            ".mrk" or ".mrk8" => head.LastIndexOf("\n\n"u8) is var lf and >= 0 ? lf + 2 : head.LastIndexOf("\r\n\r\n"u8) is var crlf and >= 0 ? crlf + 4 : 0,
            _ => 0,
        };
        return end > 0 ? [content[..end]] : [];
    }

    protected override void Execute(ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        Stream stream = new MemoryStream(bytes, writable: false);
        MarcFormat detected;
        if (format is { } known)
        {
            detected = known;
        }
        else
        {
            // As the CLI does without --from: input that does not look like MARC is refused before any reader sees it.
            stream = MarcFormats.Examine(stream, null, out var detection);
            if (detection.Format is not { } found)
            {
                stream.Dispose();
                return;
            }

            detected = found;
        }

        using (stream)
        {
            ReadAndWrite(stream, detected);
        }

        if (detected == MarcFormat.Iso2709)
        {
            ConvertToXml(bytes);
        }
    }

    private void ReadAndWrite(Stream stream, MarcFormat detected)
    {
        using var reader = MarcFormats.OpenReader(stream, detected, _options, out _, leaveOpen: true);
        using var output = new MemoryStream();
        using var writer = new Iso2709Writer(output, leaveOpen: true);
        var diagnostics = new List<MarcDiagnostic>();
        long previous = 0;
        while (reader.Read() is { } result)
        {
            Check(result, previous);
            previous = result.RecordNumber;
            if (result.Record is not { } record)
            {
                continue;
            }

            var unicode = MarcCharsetConverter.ToUnicode(record, diagnostics, result.RecordNumber);
            try
            {
                writer.WriteRecord(unicode);
            }
            catch (MarcFormatException)
            {
                // Documented: a record read leniently may not fit ISO 2709 (a field over 9,999 bytes).
            }
        }

        _ = reader.EndDiagnostics.Count;
    }

    // ISO 2709 to MARCXML is the bulk conversion's own path: clean frames go from bytes to XML without a parse.
    private void ConvertToXml(byte[] bytes)
    {
        using var output = new MemoryStream();
        using var writer = new MarcXmlWriter(output, leaveOpen: true);
        var converter = new MarcConverter(writer, TargetCharset.Unchanged, static (_, _) => { });
        converter.Convert(new MemoryStream(bytes, writable: false), "fuzz", MarcFormat.Iso2709, _options);
        writer.Complete();
    }

    // Strict reading promises that a record with an error is rejected, and results come numbered in order.
    private void Check(MarcReadResult result, long previous)
    {
        // A trailing problem (XML that breaks after the last record) comes as one more result under the last number.
        if (result.RecordNumber != previous + 1 && result.RecordNumber != Math.Max(previous, 1))
        {
            throw new FuzzFinding($"{Name}: record {result.RecordNumber} follows record {previous}");
        }

        if (_options.Mode == MarcReadMode.Strict && result.Record is not null && result.HasErrors)
        {
            throw new FuzzFinding($"{Name}: strict reading kept record {result.RecordNumber} despite {result.Diagnostics.First(d => d.Severity == MarcSeverity.Error)}");
        }
    }
}
