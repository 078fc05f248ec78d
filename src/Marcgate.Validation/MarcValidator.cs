using Marcgate.Marc;
using Marcgate.Validation.Rules;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation;

/// <summary>Validates MARC 21 bibliographic, authority and holdings records at Connexion's levels.</summary>
/// <remarks>
/// Pure: no I/O; the only state is per-thread scratch space and caches of immutable findings, so one instance may be
/// used from many threads. The rules' loops over every field and subfield are compiled fully optimised on first use
/// (AggressiveOptimization): a batch run is over before tiered compilation would replace their ReadyToRun code, which
/// cannot inline List&lt;T&gt; members.
/// The rest stays ReadyToRun, so that validating a few records does not wait for the compiler.
/// </remarks>
public sealed class MarcValidator : IRecordValidator
{
    /// <summary>A shared instance; the validator holds no state of its own.</summary>
    public static MarcValidator Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<ValidationDiagnostic> Validate(MarcRecord record, ValidationLevel level)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Validate(record, level, MarcRecordKinds.FromLeader(record.Leader));
    }

    /// <summary>Checks a record against the rules of the given format instead of the one leader/06 names.</summary>
    public IReadOnlyList<ValidationDiagnostic> Validate(MarcRecord record, ValidationLevel level, MarcRecordKind kind)
    {
        List<ValidationDiagnostic> findings = [];
        Validate(record, level, kind, findings);
        return findings;
    }

    /// <summary>
    /// Checks a record as <see cref="Validate(MarcRecord, ValidationLevel, MarcRecordKind)"/> does, adding the findings to
    /// <paramref name="findings"/>: a bulk run reuses one list for every record.
    /// </summary>
    internal void Validate(MarcRecord record, ValidationLevel level, MarcRecordKind kind, List<ValidationDiagnostic> findings)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(findings);
        if (level == ValidationLevel.None)
        {
            return;
        }

        var context = ValidationContext.Start(record, kind, findings);
        try
        {
            StructureRules.Check(context);
            if (level >= ValidationLevel.Basic)
            {
                var format = FormatDefinition.For(kind);
                FieldRules.Check(context, format);
                FixedFieldRules.Check(context, format);
                CodeListRules.Check(context);
                SyntaxRules.Check(context);
                if (level >= ValidationLevel.Full)
                {
                    FullRules.Check(context, format);
                }
            }
        }
        finally
        {
            // The context's tables are cleared whatever happened, so that the next record starts clean.
            context.Release();
        }
    }
}
