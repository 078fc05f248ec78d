using Marcgate.Marc;

namespace Marcgate.Validation;

/// <summary>Validates records at a level; the exporter and the host's import profiles both call this.</summary>
public interface IRecordValidator
{
    /// <summary>Checks a record; the record type (bibliographic, authority, holdings) comes from leader/06.</summary>
    IReadOnlyList<ValidationDiagnostic> Validate(MarcRecord record, ValidationLevel level);
}
