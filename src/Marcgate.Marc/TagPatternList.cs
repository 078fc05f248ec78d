using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Marcgate.Marc;

/// <summary>Tag patterns read from text such as <c>029,938,9XX</c> or <c>029 938 9XX</c>, each kept once in the order written.</summary>
public sealed class TagPatternList : IReadOnlyList<TagPattern>
{
    // Commas and spaces are the syntax; semicolons and other white space are read too, so values saved by hand still load.
    private static readonly char[] s_separators = [',', ';', ' ', '\t', '\r', '\n'];

    private readonly TagPattern[] _patterns;

    private TagPatternList(TagPattern[] patterns) => _patterns = patterns;

    /// <summary>No patterns.</summary>
    public static TagPatternList Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _patterns.Length;

    /// <inheritdoc />
    public TagPattern this[int index] => _patterns[index];

    /// <summary>Reads a list separated by commas and/or spaces; blank text is the empty list.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TagPatternList? patterns, [NotNullWhen(false)] out TagPatternError? error) =>
        TryParse(text is null ? [] : [text], out patterns, out error);

    /// <summary>Reads several texts as one list, as a command line gives them (<c>--delete 029,938 9XX</c>) or a store keeps them.</summary>
    public static bool TryParse(IEnumerable<string> texts, [NotNullWhen(true)] out TagPatternList? patterns, [NotNullWhen(false)] out TagPatternError? error)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var read = new List<TagPattern>();
        foreach (var text in texts)
        {
            foreach (var token in text.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!TagPattern.TryParse(token, out var pattern, out var reason))
                {
                    patterns = null;
                    error = new TagPatternError(token, reason);
                    return false;
                }

                if (!read.Contains(pattern))
                {
                    read.Add(pattern);
                }
            }
        }

        patterns = read.Count == 0 ? Empty : new TagPatternList([.. read]);
        error = null;
        return true;
    }

    /// <summary>Reads a list separated by commas and/or spaces.</summary>
    /// <exception cref="FormatException">A token is not a pattern; the message names it.</exception>
    public static TagPatternList Parse(string text) =>
        TryParse(text, out var patterns, out var error) ? patterns : throw new FormatException(error.Message);

    /// <summary>True when any pattern fits the tag.</summary>
    public bool Matches(string tag)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(tag))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public IEnumerator<TagPattern> GetEnumerator() => ((IEnumerable<TagPattern>)_patterns).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The list as it is saved and shown: <c>029,938,9XX</c>.</summary>
    public override string ToString() => string.Join(',', _patterns.Select(p => p.Text));
}
