using System.Collections.Frozen;

namespace Marcgate.Validation.Tables;

/// <summary>A MARC code list (languages, countries, geographic areas, relators): current and obsolete codes.</summary>
internal sealed class CodeList(string source, string[] current, string[] obsolete)
{
    private readonly FrozenSet<string> _current = current.ToFrozenSet(StringComparer.Ordinal);
    private readonly FrozenSet<string> _obsolete = obsolete.ToFrozenSet(StringComparer.Ordinal);
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _currentSpan = current.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _obsoleteSpan = obsolete.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The data file the list was generated from.</summary>
    public string Source { get; } = source;

    public int Count => _current.Count + _obsolete.Count;

    public bool IsCurrent(ReadOnlySpan<char> code) => _currentSpan.Contains(code);

    public bool IsObsolete(ReadOnlySpan<char> code) => _obsoleteSpan.Contains(code);
}
