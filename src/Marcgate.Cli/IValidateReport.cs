using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Cli;

/// <summary>Where <c>marcgate validate</c> writes its findings (text or JSON).</summary>
internal interface IValidateReport
{
    void BeginFile(string path);

    void Record(MarcReadResult result, IReadOnlyList<ValidationDiagnostic> findings, int errors, int warnings);

    void EndFile(ValidateFileTotals totals);

    void Finish();
}
