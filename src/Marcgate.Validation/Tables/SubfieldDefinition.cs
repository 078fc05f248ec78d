namespace Marcgate.Validation.Tables;

/// <summary>A subfield code defined for a field.</summary>
internal sealed record SubfieldDefinition(char Code, string Label, bool Repeatable);
