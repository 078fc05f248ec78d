using System.Runtime.CompilerServices;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Xml;

namespace Marcgate.Marc.Formats;

/// <summary>Streams records from inputs of any format into one writer, one record at a time, reporting every diagnostic.</summary>
/// <param name="writer">Where records go; the caller completes and disposes it.</param>
/// <param name="charset">The character set to write records in.</param>
/// <param name="report">Receives each diagnostic with the name of the input it concerns.</param>
public sealed class MarcConverter(IMarcRecordWriter writer, TargetCharset charset, Action<string, MarcDiagnostic> report)
{
    /// <summary>Totals over every input converted so far.</summary>
    public ConversionSummary Summary { get; } = new();

    /// <summary>Converts every record of one input.</summary>
    /// <param name="input">The input stream; left open.</param>
    /// <param name="source">The input's name for diagnostics (a path, or <c>-</c> for standard input).</param>
    /// <param name="format">The input format, or null to detect it from the first bytes.</param>
    /// <param name="options">Strict or lenient reading and limits.</param>
    /// <exception cref="IOException">Reading or writing failed.</exception>
    public void Convert(Stream input, string source, MarcFormat? format, MarcReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var detected = MarcFormat.Iso2709;
        using var stream = format is not null ? new PrefixedStream([], 0, input, leaveOpen: true) : MarcFormats.Detect(input, leaveOpen: true, out detected);
        detected = format ?? detected;
        if (detected == MarcFormat.Iso2709 && writer is MarcXmlWriter xml && charset != TargetCharset.Marc8)
        {
            ConvertIso2709ToXml(stream, source, xml, options);
            return;
        }

        using var reader = MarcFormats.OpenReader(stream, detected, options, out _, leaveOpen: true);
        while (reader.Read() is { } result)
        {
            Process(result, source);
        }
    }

    // ISO 2709 to MARCXML, the bulk case: clean records go from bytes to bytes, the rest through the parser and the full reader.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ConvertIso2709ToXml(Stream input, string source, MarcXmlWriter xml, MarcReaderOptions options)
    {
        var framer = new Iso2709Framer(input, options.MaxRecordBytes);
        while (true)
        {
            var bytes = framer.Next();
            if (bytes.IsEmpty)
            {
                break;
            }

            if (xml.TryWriteIso2709(bytes, options.MaxFields))
            {
                Summary.RecordsRead++;
                Summary.RecordsWritten++;
                continue;
            }

            var diagnostics = new List<MarcDiagnostic>();
            var record = Iso2709RecordParser.Parse(bytes, options, framer.RecordNumber, framer.Offset, diagnostics);
            Process(new MarcReadResult(record, diagnostics, framer.RecordNumber, framer.Offset), source);
        }

        if (framer.AtEnd)
        {
            return;
        }

        // Numbers and offsets from the full reader count from where it starts; shift them to count from the input's start.
        var (recordBase, offsetBase) = (framer.RecordNumber, framer.Offset);
        using var rest = framer.TakeRest();
        using var reader = new Iso2709Reader(rest, options, leaveOpen: true);
        while (reader.Read() is { } result)
        {
            var shifted = result.Diagnostics
                .Select(d => d with { RecordNumber = d.RecordNumber + recordBase, ByteOffset = d.ByteOffset >= 0 ? d.ByteOffset + offsetBase : d.ByteOffset })
                .ToList();
            Process(new MarcReadResult(result.Record, shifted, result.RecordNumber + recordBase, result.ByteOffset + offsetBase), source);
        }
    }

    private void Process(MarcReadResult result, string source)
    {
        Summary.RecordsRead++;
        var diagnostics = new List<MarcDiagnostic>(result.Diagnostics);
        var written = result.Record is { } record && TryWrite(record, result.RecordNumber, diagnostics);
        var hasError = false;
        foreach (var diagnostic in diagnostics)
        {
            hasError |= diagnostic.Severity == MarcSeverity.Error;
            Summary.Warnings += diagnostic.Severity == MarcSeverity.Warning ? 1 : 0;
            report(source, diagnostic);
        }

        if (hasError || !written)
        {
            Summary.RecordsWithErrors++;
        }
    }

    private bool TryWrite(MarcRecord record, long recordNumber, List<MarcDiagnostic> diagnostics)
    {
        try
        {
            record = charset switch
            {
                TargetCharset.Utf8 when !record.Leader.IsUnicode => MarcCharsetConverter.ToUnicode(record, diagnostics, recordNumber),
                TargetCharset.Marc8 when record.Leader.IsUnicode => MarcCharsetConverter.ToMarc8(record),
                _ => record,
            };
            writer.Write(record, diagnostics, recordNumber);
            Summary.RecordsWritten++;
            return true;
        }
        catch (MarcFormatException ex)
        {
            diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.LimitExceeded, MarcSeverity.Error, recordNumber, -1, $"not written: {ex.Message}"));
            return false;
        }
    }
}
