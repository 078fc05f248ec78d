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
    private const int BatchSize = 512;

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
        if (ConversionTarget == TargetCharset.Unchanged)
        {
            while (reader.Read() is { } result)
            {
                Process(result, source, result.Record);
            }
        }
        else
        {
            ConvertInBatches(reader, source);
        }

        ReportEnd(reader.EndDiagnostics, source);
    }

    // Unicode formats take Unicode records; converting here rather than in the writer lets it run in parallel.
    private TargetCharset ConversionTarget => charset == TargetCharset.Unchanged && writer is MarcXmlWriter or Json.MarcJsonWriter ? TargetCharset.Utf8 : charset;

    // Character set conversion is the costly step: batch k is converted on every core while batch k + 1 is read,
    // then written in input order. Two batches in flight keep memory bounded whatever the input size.
    private void ConvertInBatches(IMarcRecordReader reader, string source)
    {
        var current = ReadBatch(reader);
        while (current.Count > 0)
        {
            var batch = current;
            var converted = new MarcRecord?[batch.Count];
            var extra = new List<MarcDiagnostic>?[batch.Count];
            var conversion = Task.Run(() => Parallel.For(0, batch.Count, i => converted[i] = Convert(batch[i], out extra[i])));
            current = ReadBatch(reader);
            conversion.GetAwaiter().GetResult();
            for (var i = 0; i < batch.Count; i++)
            {
                var result = batch[i];
                Process(extra[i] is { } found ? result with { Diagnostics = [.. result.Diagnostics, .. found] } : result, source, converted[i]);
            }
        }
    }

    private static List<MarcReadResult> ReadBatch(IMarcRecordReader reader)
    {
        var batch = new List<MarcReadResult>(BatchSize);
        while (batch.Count < BatchSize && reader.Read() is { } result)
        {
            batch.Add(result);
        }

        return batch;
    }

    private MarcRecord? Convert(MarcReadResult result, out List<MarcDiagnostic>? diagnostics)
    {
        diagnostics = null;
        if (result.Record is not { } record)
        {
            return null;
        }

        switch (ConversionTarget)
        {
            case TargetCharset.Utf8 when !record.Leader.IsUnicode:
                // The record was just read and is not used again: convert it in place rather than copy every field.
                diagnostics = [];
                MarcCharsetConverter.ToUnicodeInPlace(record, diagnostics, result.RecordNumber);
                diagnostics = diagnostics.Count == 0 ? null : diagnostics;
                return record;
            case TargetCharset.Marc8 when record.Leader.IsUnicode:
                return MarcCharsetConverter.ToMarc8(record);
            default:
                return record;
        }
    }

    // ISO 2709 to MARCXML, the bulk case: a record the reader framed by its leader, with nothing skipped or recovered,
    // goes from bytes to bytes when the writer can take it so; every other record goes through the parser, with the
    // reader's numbers, offsets and messages.
    private void ConvertIso2709ToXml(Stream input, string source, MarcXmlWriter xml, MarcReaderOptions options)
    {
        using var reader = new Iso2709Reader(input, options, leaveOpen: true);
        while (reader.ReadFrameInPlace() is { } frame)
        {
            if (frame.IsClean && xml.TryWriteIso2709(frame.Bytes.Span, options.MaxFields))
            {
                Summary.RecordsRead++;
                Summary.RecordsWritten++;
                continue;
            }

            var result = frame.Parse();
            Process(result, source, result.Record);
        }

        ReportEnd(reader.EndDiagnostics, source);
    }

    private void ReportEnd(IReadOnlyList<MarcDiagnostic> endDiagnostics, string source)
    {
        foreach (var diagnostic in endDiagnostics)
        {
            Summary.Warnings += diagnostic.Severity == MarcSeverity.Warning ? 1 : 0;
            report(source, diagnostic);
        }
    }

    // Writes the record (already converted when conversion was batched) and reports every diagnostic of it.
    private void Process(MarcReadResult result, string source, MarcRecord? record)
    {
        Summary.RecordsRead++;
        var diagnostics = new List<MarcDiagnostic>(result.Diagnostics);
        var written = record is not null && TryWrite(record, result.RecordNumber, diagnostics);
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
