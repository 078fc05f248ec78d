using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Cli.Validate;

/// <summary>How <c>marcgate validate</c> renders its findings (text or JSON) into UTF-8.</summary>
/// <remarks><see cref="Record"/> runs on any thread, records of one file in any order; the rest runs on the writing thread in output order.</remarks>
internal interface IValidateReport
{
    void Start(ValidateReportBuffer output);

    void BeginFile(ValidateFile file, ValidateReportBuffer output);

    // firstOfFile: the file's first result, for list separators; record numbers cannot tell, as a reader may report a problem under a number already used.
    void Record(ValidateFile file, MarcReadResult result, bool firstOfFile, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings, ValidateReportBuffer output);

    void EndFile(ValidateFile file, ValidateFileTotals totals, ValidateReportBuffer output);

    void Finish(ValidateReportBuffer output);
}
