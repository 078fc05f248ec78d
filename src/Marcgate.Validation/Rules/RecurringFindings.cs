using System.Runtime.CompilerServices;

namespace Marcgate.Validation.Rules;

/// <summary>
/// Findings that recur record after record ("100 first indicator is '#'" in every record of a batch from one system), kept
/// once per thread: the validator shares them instead of making them again, the rules keep the finding they made for a
/// value that recurs (an undefined fixed-field code, a wrong indicator), and a report keeps the line it rendered for
/// each, so that a recurring finding is made, worded and rendered once.
/// </summary>
/// <remarks>
/// A diagnostic is immutable, so records may share one. Both tables are direct-mapped: a slot keeps the last entry whose
/// parts hash there. Messages count by identity: a message built afresh simply makes a new finding. Per thread, because
/// a batch is validated and rendered on one thread. Sharing and rendering once saved about 5% of the instructions of a
/// bulk run, wording once more (bench/results/validation-marclint.md).
/// </remarks>
internal sealed class RecurringFindings
{
    private const int Slots = 1024;
    private const int MadeSlots = 256;

    [ThreadStatic]
    private static RecurringFindings? t_ofThread;

    private readonly ValidationDiagnostic?[] _findings = new ValidationDiagnostic?[Slots];

    // The line a report rendered for the finding in the same slot; _lineOwners says which finding it was rendered for.
    private readonly ValidationDiagnostic?[] _lineOwners = new ValidationDiagnostic?[Slots];
    private readonly byte[]?[] _lines = new byte[]?[Slots];
    private readonly int[] _lineLengths = new int[Slots];

    private readonly MadeFinding?[] _made = new MadeFinding?[MadeSlots];

    private RecurringFindings()
    {
    }

    /// <summary>The table of the calling thread.</summary>
    public static RecurringFindings OfThread => t_ofThread ??= new();

    /// <summary>A finding with these parts: the one made last time when it still stands in its slot, else a new one.</summary>
    public ValidationDiagnostic Get(string id, ValidationSeverity severity, string? tag, int occurrence, string message, int? indicator, char? subfield, int? position)
    {
        var at = Slot(message, occurrence, indicator, subfield, position);
        if (_findings[at] is { } known && ReferenceEquals(known.Message, message) && known.Occurrence == occurrence && known.Severity == severity
            && known.Indicator == indicator && known.Subfield == subfield && known.Position == position
            && (ReferenceEquals(known.Id, id) || known.Id == id) && (ReferenceEquals(known.Tag, tag) || known.Tag == tag))
        {
            return known;
        }

        return _findings[at] = new ValidationDiagnostic(id, severity, tag, occurrence, message) { Indicator = indicator, Subfield = subfield, Position = position };
    }

    /// <summary>
    /// The finding a rule made for a recurring value, said of the field's first occurrence, or null: <paramref name="source"/>
    /// is the table entry that rejected it (a fixed-field position, a field definition), <paramref name="part"/> tells
    /// apart what the rule words differently for one source (an indicator, a material type).
    /// </summary>
    public ValidationDiagnostic? Made(object source, string tag, string part, ReadOnlySpan<char> value)
    {
        var made = _made[MadeSlot(source, value)];
        return made is not null && ReferenceEquals(made.Source, source) && made.Tag == tag && made.Part == part && value.SequenceEqual(made.Value)
            ? made.Finding
            : null;
    }

    /// <summary>Keeps the finding a rule made for a recurring value (see <see cref="Made"/>).</summary>
    public void KeepMade(object source, string tag, string part, string value, ValidationDiagnostic finding) =>
        _made[MadeSlot(source, value)] = new MadeFinding(source, tag, part, value, finding);

    /// <summary>The line a report rendered for this finding (<see cref="KeepLine"/>), or false.</summary>
    public bool TryGetLine(ValidationDiagnostic finding, out ReadOnlySpan<byte> line)
    {
        var at = Slot(finding.Message, finding.Occurrence, finding.Indicator, finding.Subfield, finding.Position);
        if (!ReferenceEquals(_lineOwners[at], finding))
        {
            line = default;
            return false;
        }

        line = _lines[at].AsSpan(0, _lineLengths[at]);
        return true;
    }

    /// <summary>Keeps the line a report rendered for this finding, for the next time the finding recurs on this thread.</summary>
    /// <remarks>The finding takes its slot: one equal to it in every part serves the validator as well.</remarks>
    public void KeepLine(ValidationDiagnostic finding, ReadOnlySpan<byte> line)
    {
        var at = Slot(finding.Message, finding.Occurrence, finding.Indicator, finding.Subfield, finding.Position);
        if (_lines[at] is not { } kept || kept.Length < line.Length)
        {
            kept = _lines[at] = new byte[Math.Max(line.Length, 128)];
        }

        line.CopyTo(kept);
        _lineLengths[at] = line.Length;
        _lineOwners[at] = finding;
        _findings[at] = finding;
    }

    // A plain mix: the message's identity already tells most findings apart, the numbers the rest.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(string message, int occurrence, int? indicator, char? subfield, int? position)
    {
        var hash = RuntimeHelpers.GetHashCode(message) ^ (occurrence * 0x9E37) ^ ((position ?? 0) << 7) ^ ((indicator ?? 0) << 3) ^ ((subfield ?? 0) << 11);
        return (hash ^ (hash >> 10)) & (Slots - 1);
    }

    private static int MadeSlot(object source, ReadOnlySpan<char> value)
    {
        var hash = RuntimeHelpers.GetHashCode(source) ^ (value.Length * 0x9E37);
        if (value.Length > 0)
        {
            hash ^= (value[0] << 5) ^ (value[^1] << 13);
        }

        return (hash ^ (hash >> 8)) & (MadeSlots - 1);
    }

    private sealed record MadeFinding(object Source, string Tag, string Part, string Value, ValidationDiagnostic Finding);
}
