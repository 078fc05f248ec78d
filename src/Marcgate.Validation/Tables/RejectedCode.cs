namespace Marcgate.Validation.Tables;

/// <summary>The last value a fixed-field position rejected, and what was said about it (it recurs record after record).</summary>
/// <remarks><see cref="Finding"/> is the finding for the field's first occurrence, the usual case, made once with the message.</remarks>
internal sealed record RejectedCode(string Tag, string Suffix, string Value, string Message, ValidationDiagnostic Finding);
