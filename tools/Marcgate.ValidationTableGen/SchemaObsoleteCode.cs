namespace Marcgate.ValidationTableGen;

/// <summary>An indicator value or subfield code of a field that MARC 21 has made obsolete; Kind names an ObsoleteCodeKind member.</summary>
internal sealed record SchemaObsoleteCode(string Kind, char Code, string Label, string? Since);
