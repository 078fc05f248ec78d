using System.Runtime.CompilerServices;
using Marcgate.Marc;
using Marcgate.Validation;
using Marcgate.Validation.Rules;

namespace Marcgate.Cli.Validate;

/// <summary>Plain-text report: one block per record with findings, a summary line per file.</summary>
internal sealed class ValidateTextReport : IValidateReport
{
    public void Start(ValidateReportBuffer output)
    {
    }

    public void BeginFile(ValidateFile file, ValidateReportBuffer output)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Record(ValidateFile file, MarcReadResult result, bool firstOfFile, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings, ValidateReportBuffer output)
    {
        if (result.Diagnostics.Count == 0 && findings.Count == 0 && result.Record is not null)
        {
            return;
        }

        // "{file} record {n} (001 {control number}): {e} error(s), {w} warning(s)"
        output.Write(file.PathUtf8);
        output.Write(" record "u8);
        output.Write(result.RecordNumber);
        if (result.Record?.GetControlValue("001") is { } controlNumber)
        {
            output.Write(" (001 "u8);
            output.Write(controlNumber.Trim());
            output.Write((byte)')');
        }

        output.Write(": "u8);
        WriteCounts(output, errors, warnings);
        for (var i = 0; i < result.Diagnostics.Count; i++)
        {
            var read = result.Diagnostics[i];
            output.Write("  "u8);
            output.Write(read.Severity == MarcSeverity.Error ? "error "u8 : "warning "u8);
            output.Write(read.Id);
            output.Write(" byte "u8);
            output.Write(read.ByteOffset);
            output.Write(": "u8);
            output.Write(read.Message);
            output.Write((byte)'\n');
        }

        if (result.Record is null)
        {
            output.Write("  error: the record could not be read\n"u8);
        }

        // The validator shares findings that recur record after record, per thread: such a line is rendered once.
        var recurring = findings.Count > 0 ? RecurringFindings.OfThread : null;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (recurring!.TryGetLine(finding, out var line))
            {
                output.Write(line);
                continue;
            }

            var start = output.Length;
            output.Write("  "u8);
            output.Write(finding.Severity == ValidationSeverity.Error ? "error "u8 : "warning "u8);
            output.Write(finding.Id);
            output.Write((byte)' ');
            WriteWhere(output, finding);
            output.Write(": "u8);
            output.Write(finding.Message);
            output.Write((byte)'\n');
            recurring.KeepLine(finding, output.Written[start..]);
        }
    }

    public void EndFile(ValidateFile file, ValidateFileTotals totals, ValidateReportBuffer output)
    {
        // "{file}: {n} record(s), {r} with errors; {e} error(s), {w} warning(s)"
        output.Write(file.PathUtf8);
        output.Write(": "u8);
        output.Write(totals.Records);
        output.Write(" record(s), "u8);
        output.Write(totals.RecordsWithErrors);
        output.Write(" with errors; "u8);
        WriteCounts(output, totals.Errors, totals.Warnings);
    }

    public void Finish(ValidateReportBuffer output)
    {
    }

    /// <summary>Tag, occurrence and the indicator, subfield or position: "245", "650[2] $x", "008/35".</summary>
    public static void WriteWhere(ValidateReportBuffer output, ValidationDiagnostic finding)
    {
        if (finding.Tag is { } tag)
        {
            output.Write(tag);
        }
        else
        {
            output.Write("record"u8);
        }

        if (finding.Occurrence > 1)
        {
            output.Write((byte)'[');
            output.Write(finding.Occurrence);
            output.Write((byte)']');
        }

        if (finding.Indicator is { } indicator)
        {
            output.Write(" ind"u8);
            output.Write(indicator);
        }

        if (finding.Subfield is { } code)
        {
            output.Write(" $"u8);
            if (code < ' ')
            {
                // A control character as a subfield code is shown by its value, "\x1F".
                output.Write("\\x"u8);
                output.Write((byte)"0123456789ABCDEF"[code >> 4]);
                output.Write((byte)"0123456789ABCDEF"[code & 0xF]);
            }
            else
            {
                output.Write(code);
            }
        }

        if (finding.Position is { } position)
        {
            output.Write((byte)'/');
            output.WriteTwoDigits(position);
        }
    }

    private static void WriteCounts(ValidateReportBuffer output, int errors, int warnings)
    {
        output.Write(errors);
        output.Write(" error(s), "u8);
        output.Write(warnings);
        output.Write(" warning(s)\n"u8);
    }
}
