using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Matching;

/// <summary>How OCLC numbers are written in MARC 21 fields (035, 001/003, 019).</summary>
internal static class OclcNumbers
{
    /// <summary>The MARC organisation code of OCLC, in 003 and in the 035 prefix.</summary>
    public const string OrganizationCode = "OCoLC";

    /// <summary>The prefix of an OCLC number in 035 $a and $z.</summary>
    public const string SystemNumberPrefix = "(" + OrganizationCode + ")";

    /// <summary>Reads 035 $a or $z: only <c>(OCoLC)</c> numbers are OCLC's; <c>(DLC)…</c> and bare values belong to others.</summary>
    public static bool TryParseSystemNumber(string value, out OclcNumber number)
    {
        number = default;
        return IsSystemNumber(value) && OclcNumber.TryParse(value, out number);
    }

    /// <summary>True when an 035 value claims to be an OCLC number.</summary>
    public static bool IsSystemNumber(string value) => value.AsSpan().TrimStart().StartsWith(SystemNumberPrefix, StringComparison.Ordinal);

    /// <summary>The number as an 035 value: <c>(OCoLC)12345</c>.</summary>
    public static string ToSystemNumber(OclcNumber number) => SystemNumberPrefix + number.ToString();
}
