using Marcgate.Marc;

namespace Marcgate.Export.Pipeline;

/// <summary>One record to export and where it came from.</summary>
/// <param name="Number">One-based position in this export run.</param>
/// <param name="Source">Where it came from, for the summary (<c>books.mrc record 3</c>, <c>save file #12</c>).</param>
/// <param name="Record">The record, or null when it could not be read.</param>
/// <param name="ReadProblems">Why it could not be read.</param>
public sealed record ExportItem(int Number, string Source, MarcRecord? Record, IReadOnlyList<string> ReadProblems)
{
    /// <summary>The save file number when the record came from the save file.</summary>
    public long? SaveFileNumber { get; init; }
}
