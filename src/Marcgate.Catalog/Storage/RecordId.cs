using System.Globalization;

namespace Marcgate.Catalog.Storage;

/// <summary>A stored record's identifier, unique across repositories and shown with at least six digits (<c>000123</c>).</summary>
/// <param name="Value">The positive number behind the identifier.</param>
public readonly record struct RecordId(long Value)
{
    /// <summary>Reads an identifier as shown (<c>000123</c>) or without leading zeros (<c>123</c>).</summary>
    /// <returns>False when the text is not a positive decimal number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out RecordId id)
    {
        id = default;
        var span = text.Trim();
        if (span.IsEmpty || span.ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return false;
        }

        id = new RecordId(value);
        return true;
    }

    /// <summary>The identifier as shown to catalogers and in replies (gateway §4): zero-padded to six digits.</summary>
    public override string ToString() => Value.ToString("D6", CultureInfo.InvariantCulture);
}
