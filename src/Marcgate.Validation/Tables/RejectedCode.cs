namespace Marcgate.Validation.Tables;

/// <summary>The last value a fixed-field position rejected, and the message said about it (it recurs record after record).</summary>
internal sealed record RejectedCode(string Tag, string Suffix, string Value, string Message);
