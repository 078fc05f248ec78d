using System.Text;
using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Cli;

/// <summary>Plain-text report: one block per record with findings, a summary line per file.</summary>
internal sealed class ValidateTextReport(TextWriter output) : IValidateReport
{
    private string _file = "";

    public void BeginFile(string path) => _file = path;

    public void Record(MarcReadResult result, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings)
    {
        if (result.Diagnostics.Count == 0 && findings.Count == 0 && result.Record is not null)
        {
            return;
        }

        var controlNumber = result.Record?.GetControlValue("001");
        output.WriteLine($"{_file} record {result.RecordNumber}{(controlNumber is null ? "" : $" (001 {controlNumber.Trim()})")}: {errors} error(s), {warnings} warning(s)");
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

    public void EndFile(ValidateFileTotals totals) =>
        output.WriteLine($"{_file}: {totals.Records} record(s), {totals.RecordsWithErrors} with errors; {totals.Errors} error(s), {totals.Warnings} warning(s)");

    public void Finish()
    {
    }

    /// <summary>Tag, occurrence and the indicator, subfield or position: "245", "650[2] $x", "008/35".</summary>
    public static string Where(ValidationDiagnostic finding)
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
}
