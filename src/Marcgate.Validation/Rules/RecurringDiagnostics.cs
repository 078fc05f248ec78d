using System.Runtime.CompilerServices;

namespace Marcgate.Validation.Rules;

/// <summary>
/// Findings that recur record after record ("100 first indicator is '#'" in every record of a batch from one
/// system), shared instead of made again: a bulk run then allocates little per record, and a report can render a
/// shared finding once.
/// </summary>
/// <remarks>
/// A diagnostic is immutable, so records may share one. The table is per thread and direct-mapped: a slot keeps the
/// last finding whose parts hash there. Messages count by identity: the rules keep recurring messages (see
/// FixedFieldRules' last rejected code), and a message built afresh simply makes a new finding.
/// </remarks>
internal static class RecurringDiagnostics
{
    private const int Slots = 1024;

    [ThreadStatic]
    private static ValidationDiagnostic?[]? t_slots;

    public static ValidationDiagnostic Get(string id, ValidationSeverity severity, string? tag, int occurrence, string message, int? indicator, char? subfield, int? position)
    {
        var slots = t_slots ??= new ValidationDiagnostic?[Slots];

        // A plain mix: the message's identity already tells most findings apart, the numbers the rest.
        var hash = RuntimeHelpers.GetHashCode(message) ^ (occurrence * 0x9E37) ^ ((position ?? 0) << 7) ^ ((indicator ?? 0) << 3) ^ ((subfield ?? 0) << 11);
        var at = (hash ^ (hash >> 10)) & (Slots - 1);
        if (slots[at] is { } known && ReferenceEquals(known.Message, message) && known.Occurrence == occurrence && known.Severity == severity
            && known.Indicator == indicator && known.Subfield == subfield && known.Position == position
            && (ReferenceEquals(known.Id, id) || known.Id == id) && (ReferenceEquals(known.Tag, tag) || known.Tag == tag))
        {
            return known;
        }

        return slots[at] = new ValidationDiagnostic(id, severity, tag, occurrence, message) { Indicator = indicator, Subfield = subfield, Position = position };
    }
}
