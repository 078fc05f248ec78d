using Marcgate.Marc;

namespace Marcgate.Validation.Rules;

/// <summary>One record being validated: the record, its format, the occurrence of each field, and the findings so far.</summary>
internal sealed class ValidationContext
{
    private readonly int[] _occurrences;

    public ValidationContext(MarcRecord record, MarcRecordKind kind)
    {
        Record = record;
        Kind = kind;
        _occurrences = new int[record.Fields.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var tag = record.Fields[i].Tag;
            seen[tag] = _occurrences[i] = seen.GetValueOrDefault(tag) + 1;
        }
    }

    public MarcRecord Record { get; }

    public MarcRecordKind Kind { get; }

    public List<ValidationDiagnostic> Diagnostics { get; } = [];

    /// <summary>The one-based occurrence of the field at this index among fields of its tag.</summary>
    public int OccurrenceAt(int index) => _occurrences[index];

    public int CountOf(string tag)
    {
        var count = 0;
        foreach (var field in Record.Fields)
        {
            if (field.Tag == tag)
            {
                count++;
            }
        }

        return count;
    }

    public void Error(string id, string? tag, int occurrence, string message, int? indicator = null, char? subfield = null, int? position = null) =>
        Add(id, ValidationSeverity.Error, tag, occurrence, message, indicator, subfield, position);

    public void Warning(string id, string? tag, int occurrence, string message, int? indicator = null, char? subfield = null, int? position = null) =>
        Add(id, ValidationSeverity.Warning, tag, occurrence, message, indicator, subfield, position);

    public void Add(string id, ValidationSeverity severity, string? tag, int occurrence, string message, int? indicator = null, char? subfield = null, int? position = null) =>
        Diagnostics.Add(new ValidationDiagnostic(id, severity, tag, occurrence, message) { Indicator = indicator, Subfield = subfield, Position = position });
}
