using System.Text.Encodings.Web;
using System.Text.Json;
using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Cli;

/// <summary>JSON report: <c>{"files":[{"file":…,"records":[{"record":n,"controlNumber":…,"read":[…],"findings":[…]}],"summary":{…}}]}</c>.</summary>
internal sealed class ValidateJsonReport : IValidateReport
{
    private readonly TextWriter _output;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;

    public ValidateJsonReport(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteStartArray("files");
    }

    public void BeginFile(string path)
    {
        _json.WriteStartObject();
        _json.WriteString("file", path);
        _json.WriteStartArray("records");
    }

    public void Record(MarcReadResult result, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings)
    {
        _json.WriteStartObject();
        _json.WriteNumber("record", result.RecordNumber);
        _json.WriteNumber("byteOffset", result.ByteOffset);
        if (result.Record?.GetControlValue("001") is { } controlNumber)
        {
            _json.WriteString("controlNumber", controlNumber.Trim());
        }

        _json.WriteBoolean("readable", result.Record is not null);
        _json.WriteNumber("errors", errors);
        _json.WriteNumber("warnings", warnings);
        _json.WriteStartArray("read");
        foreach (var read in result.Diagnostics)
        {
            _json.WriteStartObject();
            _json.WriteString("id", read.Id);
            _json.WriteString("severity", read.Severity.ToString().ToLowerInvariant());
            _json.WriteNumber("byteOffset", read.ByteOffset);
            _json.WriteString("message", read.Message);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            WriteFinding(finding);
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        Flush();
    }

    public void EndFile(ValidateFileTotals totals)
    {
        _json.WriteEndArray();
        _json.WriteStartObject("summary");
        _json.WriteNumber("records", totals.Records);
        _json.WriteNumber("recordsWithErrors", totals.RecordsWithErrors);
        _json.WriteNumber("errors", totals.Errors);
        _json.WriteNumber("warnings", totals.Warnings);
        _json.WriteEndObject();
        _json.WriteEndObject();
        Flush();
    }

    public void Finish()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        Flush();
        _output.WriteLine();
    }

    private void WriteFinding(ValidationDiagnostic finding)
    {
        _json.WriteStartObject();
        _json.WriteString("id", finding.Id);
        _json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
        if (finding.Tag is not null)
        {
            _json.WriteString("tag", finding.Tag);
        }

        _json.WriteNumber("occurrence", finding.Occurrence);
        if (finding.Indicator is { } indicator)
        {
            _json.WriteNumber("indicator", indicator);
        }

        if (finding.Subfield is { } code)
        {
            _json.WriteString("subfield", code.ToString());
        }

        if (finding.Position is { } position)
        {
            _json.WriteNumber("position", position);
        }

        _json.WriteString("message", finding.Message);
        _json.WriteEndObject();
    }

    // Streams what is written so far, so large inputs do not pile up in memory.
    private void Flush()
    {
        _json.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
