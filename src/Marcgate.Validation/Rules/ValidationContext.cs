using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Marcgate.Marc;

namespace Marcgate.Validation.Rules;

/// <summary>One record being validated: the record, its format, the occurrence of each field, and the findings so far.</summary>
/// <remarks>
/// Each field's tag is read once as a number (<see cref="TagNumber"/>), so rules find fields by comparing
/// integers instead of scanning with string comparisons or building a dictionary per record.
/// </remarks>
internal sealed class ValidationContext
{
    [ThreadStatic]
    private static int[]? t_counts;

    // Per numeric tag, one more than the index of its first field (0: none); kept per thread, filled and cleared per record.
    [ThreadStatic]
    private static int[]? t_firsts;

    // The arrays of the thread's last context, handed back by Release: a batch of records validates without new ones.
    [ThreadStatic]
    private static int[]? t_spareTags;

    [ThreadStatic]
    private static int[]? t_spareOccurrences;

    [ThreadStatic]
    private static List<ValidationDiagnostic>? t_spareDiagnostics;

    private readonly int[] _tags;
    private readonly int[] _occurrences;
    private readonly int[] _firsts;
    private readonly int _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValidationContext(MarcRecord record, MarcRecordKind kind)
    {
        Record = record;
        Kind = kind;
        var fields = record.Fields;
        _count = fields.Count;
        _tags = Take(ref t_spareTags, _count);
        _occurrences = Take(ref t_spareOccurrences, _count);

        for (var i = 0; i < _count; i++)
        {
            _tags[i] = TagNumber(fields[i].Tag);
        }

        // Occurrences of numeric tags are counted in a table kept per thread and cleared after use. The first index of
        // each tag is kept the same way, until Release: rules ask for 001, 008, 040, 245 … record after record.
        var counts = t_counts ??= new int[1000];
        _firsts = t_firsts ??= new int[1000];
        for (var i = 0; i < _count; i++)
        {
            var tag = _tags[i];
            if (tag < 0)
            {
                _occurrences[i] = OccurrenceByScan(i);
                continue;
            }

            var occurrence = ++counts[tag];
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
                counts[_tags[i]] = 0;
            }
        }
    }

    public MarcRecord Record { get; }

    public MarcRecordKind Kind { get; }

    /// <summary>The findings so far; the list is the thread's, reused record after record (see <see cref="TakeFindings"/>).</summary>
    public List<ValidationDiagnostic> Diagnostics { get; } = TakeList();

    /// <summary>Whether some subfield holds ESC, once the syntax rules have looked (null before).</summary>
    public bool? DataHasEscapes { get; set; }

    /// <summary>A three-digit tag as a number (245 for "245"); -1 for any other tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TagNumber(string tag) =>
        tag.Length == 3 && char.IsAsciiDigit(tag[0]) && char.IsAsciiDigit(tag[1]) && char.IsAsciiDigit(tag[2])
            ? ((tag[0] - '0') * 100) + ((tag[1] - '0') * 10) + (tag[2] - '0')
            : -1;

    /// <summary>Hands this context's arrays to the next context of the thread; the context is not used afterwards.</summary>
    /// <summary>The findings as an array of their own: the list they were collected in goes back to the thread.</summary>
    public ValidationDiagnostic[] TakeFindings() => Diagnostics.Count == 0 ? [] : [.. Diagnostics];

    public void Release()
    {
        Diagnostics.Clear();
        t_spareDiagnostics = Diagnostics;
        for (var i = 0; i < _count; i++)
        {
            if (_tags[i] >= 0)
            {
                _firsts[_tags[i]] = 0;
            }
        }

        t_spareTags = _tags;
        t_spareOccurrences = _occurrences;
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

    public void Add(string id, ValidationSeverity severity, string? tag, int occurrence, string message, int? indicator = null, char? subfield = null, int? position = null) =>
        Diagnostics.Add(RecurringDiagnostics.Get(id, severity, tag, occurrence, message, indicator, subfield, position));

    private static List<ValidationDiagnostic> TakeList()
    {
        var list = t_spareDiagnostics ?? [];
        t_spareDiagnostics = null;
        return list;
    }

    private static int[] Take(ref int[]? spare, int count)
    {
        var array = spare;
        if (array is null || array.Length < count)
        {
            return new int[Math.Max(count, 64)];
        }

        spare = null;
        return array;
    }

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
