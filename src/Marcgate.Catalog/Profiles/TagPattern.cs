namespace Marcgate.Catalog.Profiles;

/// <summary>A field tag or a tag pattern with <c>X</c> wildcards, as catalogers write them: <c>029</c>, <c>9XX</c>, <c>59X</c>.</summary>
public sealed class TagPattern : IEquatable<TagPattern>
{
    private readonly string _pattern;

    private TagPattern(string pattern) => _pattern = pattern;

    /// <summary>The local fields of MARC 21: every 9XX tag.</summary>
    public static TagPattern LocalFields { get; } = new("9XX");

    /// <summary>Reads a pattern: three characters, each a digit, a letter (alphabetic tags) or the wildcard <c>X</c>.</summary>
    public static bool TryParse(string? text, out TagPattern? pattern)
    {
        pattern = null;
        var trimmed = text?.Trim();
        if (trimmed is not { Length: 3 })
        {
            return false;
        }

        var chars = new char[3];
        for (var i = 0; i < 3; i++)
        {
            var c = trimmed[i];
            if (c is 'x' or 'X')
            {
                chars[i] = 'X';
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                chars[i] = c;
            }
            else
            {
                return false;
            }
        }

        pattern = new TagPattern(new string(chars));
        return true;
    }

    /// <summary>Reads a pattern.</summary>
    /// <exception cref="FormatException">The text is not a three-character tag or pattern.</exception>
    public static TagPattern Parse(string text) =>
        TryParse(text, out var pattern)
            ? pattern!
            : throw new FormatException($"'{text}' is not a field tag or tag pattern (three characters, digits or X, e.g. 029 or 9XX).");

    /// <summary>True when the tag fits the pattern.</summary>
    public bool Matches(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Length != 3)
        {
            return false;
        }

        for (var i = 0; i < 3; i++)
        {
            if (_pattern[i] != 'X' && _pattern[i] != tag[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(TagPattern? other) => other is not null && other._pattern == _pattern;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TagPattern);

    /// <inheritdoc />
    public override int GetHashCode() => _pattern.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => _pattern;
}
