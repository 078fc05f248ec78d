namespace Marcgate.Marc;

/// <summary>How serious a diagnostic is.</summary>
public enum MarcSeverity
{
    /// <summary>Recovered or suspicious, the data is still usable.</summary>
    Warning,

    /// <summary>The data is wrong; strict reading rejects the record.</summary>
    Error,
}

/// <summary>A problem found while reading or converting a record.</summary>
/// <param name="Id">Stable identifier (see <see cref="MarcDiagnosticIds"/>).</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="RecordNumber">One-based record number in the input.</param>
/// <param name="ByteOffset">Byte offset from the start of the input (-1 when not known).</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record MarcDiagnostic(string Id, MarcSeverity Severity, long RecordNumber, long ByteOffset, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"record {RecordNumber}, byte {ByteOffset}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
