namespace Marcgate.Validation.Tables;

/// <summary>The last value a fixed-field position rejected, and the finding made of it (it recurs record after record).</summary>
/// <remarks><see cref="Finding"/> is said of the field's first occurrence, the usual case; its tag is the field's.</remarks>
internal sealed record RejectedCode(string Suffix, string Value, ValidationDiagnostic Finding);
