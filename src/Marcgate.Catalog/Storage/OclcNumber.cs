using System.Globalization;

namespace Marcgate.Catalog.Storage;

/// <summary>A normalised OCLC control number: the key records are matched and indexed on (gateway §7 step 5).</summary>
/// <param name="Value">The number without prefix or leading zeros; always positive.</param>
public readonly record struct OclcNumber(long Value)
{
    private const string OclcPrefix = "(OCoLC)";

    // Longest accepted digit run once leading zeros are gone: keeps the value inside a long.
    private const int MaxDigits = 18;

    /// <summary>
    /// Reads a number as it appears in 035 $a or $z (<c>(OCoLC)ocm00012345</c>) or in 001 when 003 is
    /// <c>OCoLC</c> (<c>ocn123456789</c>): the <c>(OCoLC)</c> prefix, the <c>ocm</c>, <c>ocn</c> and
    /// <c>on</c> prefixes, surrounding spaces and leading zeros are ignored (gateway §7 step 5).
    /// </summary>
    /// <returns>False when the text is not an OCLC number (another agency's prefix, no digits, other characters, zero).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out OclcNumber number)
    {
        number = default;
        var span = text.Trim();
        if (span.StartsWith(OclcPrefix, StringComparison.Ordinal))
        {
            span = span[OclcPrefix.Length..].TrimStart();
        }

        if (span.StartsWith("ocm", StringComparison.Ordinal) || span.StartsWith("ocn", StringComparison.Ordinal))
        {
            span = span[3..];
        }
        else if (span.StartsWith("on", StringComparison.Ordinal))
        {
            span = span[2..];
        }

        span = span.TrimStart('0');
        if (span.IsEmpty || span.Length > MaxDigits || span.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        number = new OclcNumber(long.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The number in decimal, without prefix or leading zeros.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
