using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Marcgate.Marc;

namespace Marcgate.Validation.Rules;

/// <summary>One record being validated: the record, its format, the occurrence of each field, and the findings so far.</summary>
/// <remarks>
/// Each field's tag is read once as a number (<see cref="TagNumber"/>), so rules find fields by comparing
/// integers instead of scanning with string comparisons or building a dictionary per record. One context per thread
/// serves record after record (<see cref="Start"/>, <see cref="Release"/>).
/// </remarks>
internal sealed class ValidationContext
{
    // The thread's context, between records: a batch of records is validated without a new context or new arrays.
    [ThreadStatic]
    private static ValidationContext? t_spare;

    // Per numeric tag: a count while occurrences are numbered, then one more than the index of its first field (0: none).
    // Both are cleared, field by field, when the record is done.
    private readonly int[] _counts = new int[1000];
    private readonly int[] _firsts = new int[1000];
    private int[] _tags = new int[64];
    private int[] _occurrences = new int[64];
    private int _count;
    private int _findingsStart;

    private ValidationContext()
    {
    }

    public MarcRecord Record { get; private set; } = null!;

    /// <summary>The thread's recurring findings (a context serves the thread that made it).</summary>
    public RecurringFindings Recurring { get; } = RecurringFindings.OfThread;

    public MarcRecordKind Kind { get; private set; }

    /// <summary>The list findings are added to; those of this record start at the count it had when the record began.</summary>
    public List<ValidationDiagnostic> Diagnostics { get; private set; } = null!;

    /// <summary>Whether some subfield holds ESC, once the syntax rules have looked (null before).</summary>
    public bool? DataHasEscapes { get; set; }

    /// <summary>The thread's context, set up for <paramref name="record"/>; give it back with <see cref="Release"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ValidationContext Start(MarcRecord record, MarcRecordKind kind, List<ValidationDiagnostic> findings)
    {
        var context = t_spare ?? new ValidationContext();
        t_spare = null;
        context.Begin(record, kind, findings);
        return context;
    }

    /// <summary>A three-digit tag as a number (245 for "245"); -1 for any other tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TagNumber(string tag) =>
        tag.Length == 3 && char.IsAsciiDigit(tag[0]) && char.IsAsciiDigit(tag[1]) && char.IsAsciiDigit(tag[2])
            ? ((tag[0] - '0') * 100) + ((tag[1] - '0') * 10) + (tag[2] - '0')
            : -1;

    /// <summary>Clears what this record left in the tables and hands the context back to the thread; it is not used afterwards.</summary>
    public void Release()
    {
        for (var i = 0; i < _count; i++)
        {
            if (_tags[i] >= 0)
            {
                _firsts[_tags[i]] = 0;
            }
        }

        Record = null!;
        Diagnostics = null!;
        t_spare = this;
    }

    /// <summary>Whether this record already has a finding with this ID at this character position.</summary>
    public bool HasFinding(string id, int position)
    {
        for (var i = _findingsStart; i < Diagnostics.Count; i++)
        {
            if (Diagnostics[i].Position == position && Diagnostics[i].Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private void Begin(MarcRecord record, MarcRecordKind kind, List<ValidationDiagnostic> findings)
    {
        Record = record;
        Kind = kind;
        Diagnostics = findings;
        DataHasEscapes = null;
        _findingsStart = findings.Count;
        var fields = record.Fields;
        _count = fields.Count;
        if (_tags.Length < _count)
        {
            _tags = new int[_count];
            _occurrences = new int[_count];
        }

        // Occurrences of numeric tags are counted in a table and the first index of each tag noted in another: rules ask
        // for 001, 008, 040, 245 … record after record.
        var span = CollectionsMarshal.AsSpan(fields);
        for (var i = 0; i < span.Length; i++)
        {
            var tag = _tags[i] = TagNumber(span[i].Tag);
            if (tag < 0)
            {
                _occurrences[i] = OccurrenceByScan(i);
                continue;
            }

            var occurrence = ++_counts[tag];
            _occurrences[i] = occurrence;
            if (occurrence == 1)
            {
                _firsts[tag] = i + 1;
            }
        }

        for (var i = 0; i < _count; i++)
        {
            if (_tags[i] >= 0)
            {
                _counts[_tags[i]] = 0;
            }
        }
    }

    /// <summary>The one-based occurrence of the field at this index among fields of its tag.</summary>
    public int OccurrenceAt(int index) => _occurrences[index];

    /// <summary>The numeric tag of the field at this index (see <see cref="TagNumber"/>).</summary>
    public int TagAt(int index) => _tags[index];

    /// <summary>The index of the first field with this numeric tag, or -1.</summary>
    public int IndexOf(int tag, int from = 0)
    {
        if (from == 0 && (uint)tag < 1000)
        {
            return _firsts[tag] - 1;
        }

        var at = _tags.AsSpan(from, _count - from).IndexOf(tag);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>The value of the first field with this numeric tag when that field is a control field, as <see cref="MarcRecord.GetControlValue"/>.</summary>
    public string? ControlValue(int tag) => IndexOf(tag) is var at and >= 0 ? (Record.Fields[at] as ControlField)?.Value : null;

    /// <summary>The first data field with this numeric tag, or null.</summary>
    public DataField? FirstDataField(int tag)
    {
        for (var at = IndexOf(tag); at >= 0; at = IndexOf(tag, at + 1))
        {
            if (Record.Fields[at] is DataField field)
            {
                return field;
            }
        }

        return null;
    }

    public int CountOf(string tag)
    {
        var count = 0;
        foreach (var field in CollectionsMarshal.AsSpan(Record.Fields))
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

    /// <summary>
    /// Adds a finding a rule made beforehand for a field's first occurrence (one that recurs, kept by the rule), as said
    /// of this <paramref name="occurrence"/> of the field.
    /// </summary>
    public void Add(ValidationDiagnostic firstOccurrence, int occurrence) =>
        Diagnostics.Add(occurrence == 1 ? firstOccurrence : Recurring.Get(
            firstOccurrence.Id, firstOccurrence.Severity, firstOccurrence.Tag, occurrence, firstOccurrence.Message,
            firstOccurrence.Indicator, firstOccurrence.Subfield, firstOccurrence.Position));

    public void Add(string id, ValidationSeverity severity, string? tag, int occurrence, string message, int? indicator = null, char? subfield = null, int? position = null) =>
        Diagnostics.Add(Recurring.Get(id, severity, tag, occurrence, message, indicator, subfield, position));

    // Tags that are not three digits (Aleph's "CAT", malformed tags) are rare: counted by comparing strings.
    private int OccurrenceByScan(int index)
    {
        var tag = Record.Fields[index].Tag;
        var occurrence = 1;
        for (var i = 0; i < index; i++)
        {
            if (_tags[i] < 0 && Record.Fields[i].Tag == tag)
            {
                occurrence++;
            }
        }

        return occurrence;
    }
}
