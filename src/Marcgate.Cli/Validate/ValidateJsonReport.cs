using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Cli.Validate;

/// <summary>JSON report: <c>{"files":[{"file":…,"records":[{"record":n,"controlNumber":…,"read":[…],"findings":[…]}],"summary":{…}}]}</c>.</summary>
/// <remarks>
/// Indented as <see cref="Utf8JsonWriter"/> indents. Records are rendered on worker threads, each by its own
/// writer at depth 0 and then indented to its depth in the document, so the document is the same however it is split.
/// </remarks>
internal sealed class ValidateJsonReport : IValidateReport
{
    private const int RecordDepth = 4;
    private const int IndentSize = 2;

    private static readonly JsonWriterOptions s_options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Each worker thread renders with its own writer and buffer.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private bool _anyFile;

    public void Start(ValidateReportBuffer output) => output.Write("{\n  \"files\": ["u8);

    public void BeginFile(ValidateFile file, ValidateReportBuffer output)
    {
        output.Write(_anyFile ? ",\n    {\n      \"file\": "u8 : "\n    {\n      \"file\": "u8);
        _anyFile = true;
        WriteString(output, file.Path);
        output.Write(",\n      \"records\": ["u8);
    }

    public void Record(ValidateFile file, MarcReadResult result, bool firstOfFile, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings, ValidateReportBuffer output)
    {
        var json = Writer(out var buffer);
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
            json.WriteString("severity", read.Severity == MarcSeverity.Error ? "error" : "warning");
            json.WriteNumber("byteOffset", read.ByteOffset);
            json.WriteString("message", read.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();

        // The first record of a file follows "[", the others a record's "}".
        output.Write(firstOfFile ? "\n"u8 : ",\n"u8);
        WriteIndented(output, buffer.WrittenSpan, RecordDepth * IndentSize);
    }

    public void EndFile(ValidateFile file, ValidateFileTotals totals, ValidateReportBuffer output)
    {
        output.Write(totals.Records > 0 ? "\n      ],\n      \"summary\": {\n        \"records\": "u8 : "],\n      \"summary\": {\n        \"records\": "u8);
        output.Write(totals.Records);
        output.Write(",\n        \"recordsWithErrors\": "u8);
        output.Write(totals.RecordsWithErrors);
        output.Write(",\n        \"errors\": "u8);
        output.Write(totals.Errors);
        output.Write(",\n        \"warnings\": "u8);
        output.Write(totals.Warnings);
        output.Write("\n      }\n    }"u8);
    }

    public void Finish(ValidateReportBuffer output) => output.Write(_anyFile ? "\n  ]\n}\n"u8 : "]\n}\n"u8);

    private static void WriteFinding(Utf8JsonWriter json, ValidationDiagnostic finding)
    {
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        json.WriteString("severity", finding.Severity == ValidationSeverity.Error ? "error" : "warning");
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

    // A JSON string as the writer escapes it.
    private static void WriteString(ValidateReportBuffer output, string value)
    {
        var json = Writer(out var buffer);
        json.WriteStringValue(value);
        json.Flush();
        output.Write(buffer.WrittenSpan);
    }

    // This thread's writer, reset onto its emptied buffer.
    private static Utf8JsonWriter Writer(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer, s_options);
        json.Reset(buffer);
        return json;
    }

    // Indented JSON holds no raw line feed inside strings (they are escaped), so every line feed starts a line.
    private static void WriteIndented(ValidateReportBuffer output, ReadOnlySpan<byte> json, int indent)
    {
        output.Reserve(json.Length + indent);
        Span<byte> spaces = stackalloc byte[indent];
        spaces.Fill((byte)' ');
        output.Write(spaces);
        while (true)
        {
            var newline = json.IndexOf((byte)'\n');
            if (newline < 0)
            {
                output.Write(json);
                return;
            }

            output.Write(json[..(newline + 1)]);
            output.Write(spaces);
            json = json[(newline + 1)..];
        }
    }
}
