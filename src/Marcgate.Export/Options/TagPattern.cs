namespace Marcgate.Export.Options;

/// <summary>A tag or tag pattern of Fields to Delete on Export: three characters, each a digit or <c>X</c> for any digit (<c>029</c>, <c>9XX</c>).</summary>
public sealed record TagPattern
{
    private TagPattern(string text) => Text = text;

    /// <summary>The pattern as written, upper case.</summary>
    public string Text { get; }

    /// <summary>Parses one pattern; null with a reason when it is not three digits or X.</summary>
    public static TagPattern? TryParse(string text, out string? error)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (upper.Length != 3 || upper.Any(c => c is not (>= '0' and <= '9') and not 'X'))
        {
            error = $"'{text}' is not a tag pattern: use three characters, each a digit or X (e.g. 029, 938, 9XX)";
            return null;
        }

        if (upper == "000")
        {
            error = "'000' is not a tag: the leader cannot be deleted";
            return null;
        }

        error = null;
        return new TagPattern(upper);
    }

    /// <summary>Parses a comma- or space-separated list; null with the first bad pattern named.</summary>
    public static IReadOnlyList<TagPattern>? TryParseList(string text, out string? error)
    {
        var patterns = new List<TagPattern>();
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = TryParse(part, out error);
            if (pattern is null)
            {
                return null;
            }

            if (!patterns.Contains(pattern))
            {
                patterns.Add(pattern);
            }
        }

        error = null;
        return patterns;
    }

    /// <summary>True when the tag matches this pattern.</summary>
    public bool Matches(string tag)
    {
        if (tag.Length != 3)
        {
            return false;
        }

        for (var i = 0; i < 3; i++)
        {
            if (Text[i] != 'X' && char.ToUpperInvariant(tag[i]) != Text[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
