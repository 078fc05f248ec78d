namespace Marcgate.Gateway;

/// <summary>The closed list of error codes of a reply's <c>code=</c> token (gateway §4); scripts depend on them, so they never change.</summary>
public static class GatewayErrorCodes
{
    /// <summary>The logon ID and/or password is not valid.</summary>
    public const string LogonFailed = "logon-failed";

    /// <summary>Too many failed logons for this logon ID or peer address; try again later.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>The bytes are not a gateway request (§3): unknown lead byte, bad length, repeated tag, no record.</summary>
    public const string BadRequest = "bad-request";

    /// <summary>The record bytes are not ISO 2709 (§3.3).</summary>
    public const string BadRecord = "bad-record";

    /// <summary>The record failed validation at the profile's level (§7 step 4).</summary>
    public const string InvalidRecord = "invalid-record";

    /// <summary>The record matches several stored records; kept for review (§7 step 5).</summary>
    public const string MultipleMatches = "multiple-matches";

    /// <summary>The record matches no stored record and the profile does not add unmatched records (§7 step 5).</summary>
    public const string NoMatch = "no-match";

    /// <summary>The record would overlay a fuller record with a briefer one (§7 step 5).</summary>
    public const string LowerEncodingLevel = "lower-encoding-level";

    /// <summary>The logon may not write to that repository, or the peer address is not allowed.</summary>
    public const string NotAuthorized = "not-authorized";

    /// <summary>The request is larger than the host accepts; the host closes the connection after replying.</summary>
    public const string TooLarge = "too-large";

    /// <summary>No usable record arrived within the idle timeout (§5 rule 5).</summary>
    public const string Timeout = "timeout";

    /// <summary>The host has as many connections as it serves (in all, or from this peer address); try again later.</summary>
    public const string Busy = "busy";

    /// <summary>The host failed; nothing was stored.</summary>
    public const string ServerError = "server-error";

    /// <summary>Every code of the list.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LogonFailed, LockedOut, BadRequest, BadRecord, InvalidRecord, MultipleMatches, NoMatch,
        LowerEncodingLevel, NotAuthorized, TooLarge, Timeout, Busy, ServerError,
    ];

    /// <summary>True when <paramref name="code"/> is one of the list.</summary>
    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
