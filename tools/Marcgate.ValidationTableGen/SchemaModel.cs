namespace Marcgate.ValidationTableGen;

/// <summary>A field as read from an Avram schema or a project data file.</summary>
internal sealed record SchemaField(string Tag, string Label, bool Repeatable, string? Indicator1, string? Indicator2, IReadOnlyList<SchemaSubfield> Subfields);

/// <summary>A subfield code of a field.</summary>
internal sealed record SchemaSubfield(char Code, string Label, bool Repeatable);

/// <summary>One position range of a fixed field, with its codes already sorted into exact values, characters and templates.</summary>
internal sealed record SchemaPosition(int Start, int End, string Label, string Chars, IReadOnlyList<string> Values, IReadOnlyList<string> Templates);
