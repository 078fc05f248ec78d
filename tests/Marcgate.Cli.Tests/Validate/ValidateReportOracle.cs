using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marcgate.Cli.Validate;
using Marcgate.Marc;
using Marcgate.Marc.Charset;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Cli.Tests.Validate;

/// <summary>
/// The validate report written the plain way, one record at a time through a text writer, as the command
/// wrote it before records were validated in parallel: the reference that the fast report must equal byte for byte.
/// Files are read in the format their content shows, as every command reads them.
/// </summary>
internal static class ValidateReportOracle
{
    // Records of the other formats go through their reader, as the command reads them.
    private static IEnumerable<MarcReadResult> Read(byte[] bytes, MarcFormat format)
    {
        if (format == MarcFormat.Iso2709)
        {
            return Iso2709Reader.ReadAll(bytes);
        }

        var results = new List<MarcReadResult>();
        using var reader = MarcFormats.OpenReader(new MemoryStream(bytes), format, MarcReaderOptions.Default, out _);
        while (reader.Read() is { } result)
        {
            results.Add(result);
        }

        return results;
    }

    public static (int Code, string Output) Run(ValidationLevel level, bool json, params string[] files)
    {
        var output = new StringWriter();
        Utf8JsonWriter? writer = null;
        var buffer = new MemoryStream();
        if (json)
        {
            writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteStartArray("files");
        }

        var sawErrors = false;
        var ioFailed = false;
        foreach (var path in files)
        {
            // Missing files and files that are not MARC (an empty one, say) are refused before the report names them.
            var bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
            var detection = MarcFormatDetector.Examine(bytes.AsSpan(0, Math.Min(bytes.Length, MarcFormatDetector.ExamineLength)));
            if (detection.Format is not { } format)
            {
                ioFailed = true;
                continue;
            }

            writer?.WriteStartObject();
            writer?.WriteString("file", path);
            writer?.WriteStartArray("records");
            var (records, withErrors, errors, warnings) = (0, 0, 0, 0);
            foreach (var read in Read(bytes, format))
            {
                // A MARC-8 record's escape problems (MARC014) count among its reading diagnostics, at every level but None.
                var result = read;
                if (level != ValidationLevel.None && read.Record is { Leader.IsUnicode: false } marc8)
                {
                    var problems = new List<MarcDiagnostic>();
                    MarcCharsetConverter.ReportEscapeProblems(marc8, problems, read.RecordNumber);
                    result = read with { Diagnostics = [.. read.Diagnostics, .. problems] };
                }

                var findings = result.Record is { } record ? MarcValidator.Instance.Validate(record, level) : [];
                var errorCount = result.Diagnostics.Count(d => d.Severity == MarcSeverity.Error) + findings.Count(d => d.Severity == ValidationSeverity.Error);
                if (result.Record is null)
                {
                    errorCount = Math.Max(errorCount, 1);
                }

                var warningCount = result.Diagnostics.Count(d => d.Severity == MarcSeverity.Warning) + findings.Count(d => d.Severity == ValidationSeverity.Warning);
                (records, withErrors, errors, warnings) = (records + 1, withErrors + (errorCount > 0 ? 1 : 0), errors + errorCount, warnings + warningCount);
                sawErrors |= errorCount > 0;
                if (writer is null)
                {
                    Text(output, path, result, findings, errorCount, warningCount);
                }
                else
                {
                    Json(writer, result, findings, errorCount, warningCount);
                }
            }

            if (writer is null)
            {
                output.WriteLine($"{path}: {records} record(s), {withErrors} with errors; {errors} error(s), {warnings} warning(s)");
                continue;
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteNumber("records", records);
            writer.WriteNumber("recordsWithErrors", withErrors);
            writer.WriteNumber("errors", errors);
            writer.WriteNumber("warnings", warnings);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (writer is not null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            output.WriteLine();
        }

        return (ioFailed ? 2 : sawErrors ? 1 : 0, output.ToString());
    }

    private static void Text(StringWriter output, string path, MarcReadResult result, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings)
    {
        if (result.Diagnostics.Count == 0 && findings.Count == 0 && result.Record is not null)
        {
            return;
        }

        var controlNumber = result.Record?.GetControlValue("001");
        output.WriteLine($"{path} record {result.RecordNumber}{(controlNumber is null ? "" : $" (001 {controlNumber.Trim()})")}: {errors} error(s), {warnings} warning(s)");
        foreach (var read in result.Diagnostics)
        {
            output.WriteLine($"  {read.Severity.ToString().ToLowerInvariant()} {read.Id} byte {read.ByteOffset}: {read.Message}");
        }

        if (result.Record is null)
        {
            output.WriteLine("  error: the record could not be read");
        }

        foreach (var finding in findings)
        {
            output.WriteLine($"  {finding.Severity.ToString().ToLowerInvariant()} {finding.Id} {Where(finding)}: {finding.Message}");
        }
    }

    private static string Where(ValidationDiagnostic finding)
    {
        var where = new StringBuilder(finding.Tag ?? "record");
        if (finding.Occurrence > 1)
        {
            where.Append('[').Append(finding.Occurrence).Append(']');
        }

        if (finding.Indicator is { } indicator)
        {
            where.Append(" ind").Append(indicator);
        }

        if (finding.Subfield is { } code)
        {
            where.Append(" $").Append(code < ' ' ? $"\\x{(int)code:X2}" : code.ToString());
        }

        if (finding.Position is { } position)
        {
            where.Append('/').Append(position.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        }

        return where.ToString();
    }

    private static void Json(Utf8JsonWriter json, MarcReadResult result, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings)
    {
        json.WriteStartObject();
        json.WriteNumber("record", result.RecordNumber);
        json.WriteNumber("byteOffset", result.ByteOffset);
        if (result.Record?.GetControlValue("001") is { } controlNumber)
        {
            json.WriteString("controlNumber", controlNumber.Trim());
        }

        json.WriteBoolean("readable", result.Record is not null);
        json.WriteNumber("errors", errors);
        json.WriteNumber("warnings", warnings);
        json.WriteStartArray("read");
        foreach (var read in result.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("id", read.Id);
            json.WriteString("severity", read.Severity.ToString().ToLowerInvariant());
            json.WriteNumber("byteOffset", read.ByteOffset);
            json.WriteString("message", read.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            if (finding.Tag is not null)
            {
                json.WriteString("tag", finding.Tag);
            }

            json.WriteNumber("occurrence", finding.Occurrence);
            if (finding.Indicator is { } indicator)
            {
                json.WriteNumber("indicator", indicator);
            }

            if (finding.Subfield is { } code)
            {
                json.WriteString("subfield", code.ToString());
            }

            if (finding.Position is { } position)
            {
                json.WriteNumber("position", position);
            }

            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
