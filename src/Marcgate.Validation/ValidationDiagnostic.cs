namespace Marcgate.Validation;

/// <summary>How serious a validation finding is.</summary>
public enum ValidationSeverity
{
    /// <summary>Worth a cataloger's look; the record is still accepted.</summary>
    Warning,

    /// <summary>The record does not meet the level asked for.</summary>
    Error,
}

/// <summary>One finding about a record, with where it is and a message a cataloger understands.</summary>
/// <param name="Id">Stable rule identifier.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Tag">The field's tag, or <c>LDR</c> for the leader; null for the whole record.</param>
/// <param name="Occurrence">One-based occurrence of the tag in the record, 0 when not about one field.</param>
/// <param name="Message">What is wrong, in cataloging terms.</param>
public sealed record ValidationDiagnostic(string Id, ValidationSeverity Severity, string? Tag, int Occurrence, string Message)
{
    /// <summary>Indicator position (1 or 2) when the finding is about an indicator.</summary>
    public int? Indicator { get; init; }

    /// <summary>Subfield code when the finding is about a subfield.</summary>
    public char? Subfield { get; init; }

    /// <summary>Character position in a fixed field (leader, 006, 007, 008).</summary>
    public int? Position { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
