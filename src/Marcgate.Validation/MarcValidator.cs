using Marcgate.Marc;
using Marcgate.Validation.Rules;
using Marcgate.Validation.Tables;

namespace Marcgate.Validation;

/// <summary>Validates MARC 21 bibliographic, authority and holdings records at Connexion's levels.</summary>
/// <remarks>
/// Pure: no I/O, no shared mutable state; one instance may be used from many threads. The rules' loops over
/// every field and subfield are compiled fully optimised on first use (AggressiveOptimization): a batch run is
/// over before tiered compilation would replace their ReadyToRun code, which cannot inline List&lt;T&gt; members.
/// The rest stays ReadyToRun, so that validating a few records does not wait for the compiler.
/// </remarks>
public sealed class MarcValidator : IRecordValidator
{
    /// <summary>A shared instance; the validator holds no state.</summary>
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
        ArgumentNullException.ThrowIfNull(record);
        if (level == ValidationLevel.None)
        {
            return [];
        }

        var context = new ValidationContext(record, kind);
        ValidationDiagnostic[] findings;
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

            // One array of the right size, instead of a list grown for each record.
            findings = context.TakeFindings();
        }
        finally
        {
            // The context's per-thread tables are cleared whatever happened, so that the next record starts clean.
            context.Release();
        }

        return findings;
    }
}
