using System.Globalization;

namespace Marcgate.Catalog.Matching;

/// <summary>An OCLC control number (WorldCat accession number), normalised to its integer value.</summary>
/// <remarks>
/// OCLC writes the same number as <c>ocm00012345</c> (8 digits), <c>ocn123456789</c> (9 digits),
/// <c>on1234567890</c> (10 or more digits) or bare digits; the prefix and leading zeros carry no
/// meaning, so <c>(OCoLC)ocm00012345</c>, <c>(OCoLC)12345</c> and <c>12345</c> are one number (gateway §7 step 5).
/// </remarks>
/// <param name="Value">The number, always positive.</param>
public readonly record struct OclcNumber(long Value)
{
    /// <summary>The MARC organisation code of OCLC, used in 003 and as the 035 prefix <c>(OCoLC)</c>.</summary>
    public const string OrganizationCode = "OCoLC";

    /// <summary>The prefix of an OCLC number in 035 $a and $z.</summary>
    public const string SystemNumberPrefix = "(" + OrganizationCode + ")";

    // OCLC numbers have 10 digits today; 15 leaves room and can never overflow a long.
    private const int MaxDigits = 15;

    private static readonly string[] s_prefixes = ["ocm", "ocn", "on"];

    /// <summary>Reads a number as found in 001 or 019 $a: optional <c>ocm</c>/<c>ocn</c>/<c>on</c> prefix, then digits.</summary>
    public static bool TryParse(string? text, out OclcNumber number)
    {
        number = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        foreach (var prefix in s_prefixes)
        {
            if (span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                span = span[prefix.Length..];
                break;
            }
        }

        if (span.IsEmpty || span.Length > MaxDigits + 10)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        span = span.TrimStart('0');
        if (span.IsEmpty || span.Length > MaxDigits)
        {
            return false;
        }

        number = new OclcNumber(long.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Reads a system control number as found in 035 $a or $z: <c>(OCoLC)</c> then a number; other agencies' numbers are not OCLC numbers.</summary>
    public static bool TryParseSystemNumber(string? text, out OclcNumber number)
    {
        number = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().TrimStart();
        return span.StartsWith(SystemNumberPrefix, StringComparison.Ordinal)
            && TryParse(span[SystemNumberPrefix.Length..].ToString(), out number);
    }

    /// <summary>The number as an 035 value: <c>(OCoLC)12345</c>.</summary>
    public string ToSystemNumber() => SystemNumberPrefix + ToString();

    /// <summary>The number's digits without prefix or leading zeros.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
