namespace Marcgate.Validation.Tables;

/// <summary>A MARC code list (languages, countries, geographic areas, relators): current and obsolete codes.</summary>
/// <remarks>Plain hash sets: built in microseconds when a run starts, and looked up by span without a string per code.</remarks>
internal sealed class CodeList
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _current;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _obsolete;

    public CodeList(string source, string[] current, string[] obsolete)
    {
        Source = source;
        _current = new HashSet<string>(current, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _obsolete = new HashSet<string>(obsolete, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The data file the list was generated from.</summary>
    public string Source { get; }

    public int Count => _current.Set.Count + _obsolete.Set.Count;

    public bool IsCurrent(ReadOnlySpan<char> code) => _current.Contains(code);

    public bool IsObsolete(ReadOnlySpan<char> code) => _obsolete.Contains(code);
}
