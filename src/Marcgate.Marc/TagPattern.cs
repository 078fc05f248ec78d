using System.Diagnostics.CodeAnalysis;

namespace Marcgate.Marc;

/// <summary>A field tag or a tag pattern as catalogers write them: three characters, each a digit or <c>X</c> for any digit (<c>029</c>, <c>59X</c>, <c>9XX</c>).</summary>
/// <remarks>Lists of patterns are read by <see cref="TagPatternList"/>; this is the one syntax of profiles and export options.</remarks>
public sealed class TagPattern : IEquatable<TagPattern>
{
    private TagPattern(string text) => Text = text;

    /// <summary>The local fields of MARC 21: every 9XX tag.</summary>
    public static TagPattern LocalFields { get; } = new("9XX");

    /// <summary>The pattern in upper case: <c>9XX</c>.</summary>
    public string Text { get; }

    /// <summary>Reads one pattern; on failure, the reason says what a pattern looks like without repeating the text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TagPattern? pattern, [NotNullWhen(false)] out string? reason)
    {
        pattern = null;
        var upper = text?.Trim().ToUpperInvariant();
        if (upper is not { Length: 3 } || upper.Any(c => c is not (>= '0' and <= '9') and not 'X'))
        {
            reason = "use three characters, each a digit or X (e.g. 029, 938, 9XX)";
            return false;
        }

        // MARC 21: tag 000 would be the leader, which is not a field and cannot be matched or removed.
        if (upper == "000")
        {
            reason = "000 is the leader, not a field";
            return false;
        }

        reason = null;
        pattern = upper == LocalFields.Text ? LocalFields : new TagPattern(upper);
        return true;
    }

    /// <summary>Reads one pattern.</summary>
    /// <exception cref="FormatException">The text is not a pattern; the message names it.</exception>
    public static TagPattern Parse(string text) =>
        TryParse(text, out var pattern, out var reason) ? pattern : throw new FormatException(new TagPatternError(text, reason).Message);

    /// <summary>True when the tag fits the pattern; <c>X</c> stands for any character of the tag.</summary>
    public bool Matches(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Length != 3)
        {
            return false;
        }

        for (var i = 0; i < 3; i++)
        {
            if (Text[i] != 'X' && Text[i] != tag[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(TagPattern? other) => other is not null && other.Text == Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TagPattern);

    /// <inheritdoc />
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Text;
}
