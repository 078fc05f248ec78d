using Marcgate.Marc.Charset;

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
        using var reader = MarcFormats.OpenReader(input, format, options, out _, leaveOpen: true);
        var diagnostics = new List<MarcDiagnostic>();
        while (reader.Read() is { } result)
        {
            Summary.RecordsRead++;
            diagnostics.Clear();
            diagnostics.AddRange(result.Diagnostics);
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
