using System.Runtime.CompilerServices;

namespace Marcgate.Validation.Rules;

/// <summary>
/// Findings that recur record after record ("100 first indicator is '#'" in every record of a batch from one system), kept
/// once per thread with the line a report rendered for each: the validator shares them instead of making them again, and
/// the text report copies a shared finding's line instead of rendering it again.
/// </summary>
/// <remarks>
/// A diagnostic is immutable, so records may share one. The table is direct-mapped: a slot keeps the last finding whose
/// parts hash there, and the line rendered for it. Messages count by identity: the rules keep recurring messages (see
/// FixedFieldRules' rejected codes and FieldRules' indicators), and a message built afresh simply makes a new finding.
/// Per thread, because a batch is validated and rendered on one thread (bench/results/validation-marclint.md).
/// </remarks>
internal sealed class RecurringFindings
{
    private const int Slots = 1024;

    [ThreadStatic]
    private static RecurringFindings? t_ofThread;

    private readonly ValidationDiagnostic?[] _findings = new ValidationDiagnostic?[Slots];

    // The line a report rendered for the finding in the same slot; _lineOwners says which finding it was rendered for.
    private readonly ValidationDiagnostic?[] _lineOwners = new ValidationDiagnostic?[Slots];
    private readonly byte[]?[] _lines = new byte[]?[Slots];
    private readonly int[] _lineLengths = new int[Slots];

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
}
