using Marcgate.Marc;
using Marcgate.Validation;

namespace Marcgate.Export.Tests.Doubles;

/// <summary>A validator double: a bibliographic record without 245 fails; records the levels it was asked for.</summary>
internal sealed class RuleValidator : IRecordValidator
{
    public List<(char Type, ValidationLevel Level)> Calls { get; } = [];

    public IReadOnlyList<ValidationDiagnostic> Validate(MarcRecord record, ValidationLevel level)
    {
        Calls.Add((record.Leader.TypeOfRecord, level));
        return record.Leader.TypeOfRecord != 'z' && record["245"] is null
            ? [new ValidationDiagnostic("T001", ValidationSeverity.Error, "245", 0, "245 is required")]
            : [];
    }
}
