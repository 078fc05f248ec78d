using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Validation;

namespace Marcgate.Cli;

/// <summary>Reads each file leniently, validates every record, and writes the report.</summary>
internal sealed class ValidateRun(ValidateRequest request, TextWriter output, TextWriter errors)
{
    public int Execute()
    {
        IValidateReport report = request.Json ? new ValidateJsonReport(output) : new ValidateTextReport(output);
        var sawErrors = false;
        var ioFailed = false;
        foreach (var path in request.Files)
        {
            Stream stream;
            try
            {
                stream = File.OpenRead(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.WriteLine($"marcgate validate: cannot read {path}: {e.Message}");
                ioFailed = true;
                continue;
            }

            report.BeginFile(path);
            var totals = new ValidateFileTotals();
            try
            {
                using var reader = new Iso2709Reader(stream);
                while (reader.Read() is { } result)
                {
                    sawErrors |= ValidateOne(result, report, totals);
                }
            }
            catch (IOException e)
            {
                errors.WriteLine($"marcgate validate: reading {path} failed: {e.Message}");
                ioFailed = true;
            }

            report.EndFile(totals);
        }

        report.Finish();
        return ioFailed ? ValidateCommand.ExitUsageOrIo : sawErrors ? ValidateCommand.ExitErrorsFound : ValidateCommand.ExitClean;
    }

    private bool ValidateOne(MarcReadResult result, IValidateReport report, ValidateFileTotals totals)
    {
        IReadOnlyList<ValidationDiagnostic> findings = [];
        if (result.Record is { } record)
        {
            findings = request.Kind is { } kind
                ? MarcValidator.Instance.Validate(record, request.Level, kind)
                : MarcValidator.Instance.Validate(record, request.Level);
        }

        var errorCount = result.Diagnostics.Count(d => d.Severity == MarcSeverity.Error) + findings.Count(d => d.Severity == ValidationSeverity.Error);
        if (result.Record is null)
        {
            // A record the reader could not recover is an error whatever it said.
            errorCount = Math.Max(errorCount, 1);
        }

        var warningCount = result.Diagnostics.Count(d => d.Severity == MarcSeverity.Warning) + findings.Count(d => d.Severity == ValidationSeverity.Warning);
        totals.Add(errorCount, warningCount);
        report.Record(result, findings, errorCount, warningCount);
        return errorCount > 0;
    }
}
