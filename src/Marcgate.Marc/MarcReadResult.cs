namespace Marcgate.Marc;

/// <summary>One record read from an input, or the reasons it could not be.</summary>
/// <param name="Record">The record, or null when it was rejected.</param>
/// <param name="Diagnostics">What was wrong and what was recovered.</param>
/// <param name="RecordNumber">One-based position of the record in the input.</param>
/// <param name="ByteOffset">Offset of the record's first byte in the input.</param>
public sealed record MarcReadResult(MarcRecord? Record, IReadOnlyList<MarcDiagnostic> Diagnostics, long RecordNumber, long ByteOffset)
{
    /// <summary>True when a diagnostic of error severity was reported.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == MarcSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
