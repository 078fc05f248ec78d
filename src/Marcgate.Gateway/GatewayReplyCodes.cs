namespace Marcgate.Gateway;

/// <summary>The closed lists of values of a reply's <c>status=</c>, <c>code=</c> and <c>action=</c> tokens (gateway §4): the one wire vocabulary of the host, the importer and the exporter; scripts depend on them, so they never change.</summary>
public static class GatewayReplyCodes
{
    /// <summary>Status: the record was accepted.</summary>
    public const string Ok = "ok";

    /// <summary>Status: the record was refused; the <c>code=</c> token says why.</summary>
    public const string Error = "error";

    /// <summary>Code: the logon ID and/or password is not valid; the two are never told apart.</summary>
    public const string LogonFailed = "logon-failed";

    /// <summary>Code: too many failed logons for this logon ID or peer address; try again later.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>Code: the bytes are not a gateway request (§3): unknown lead byte, bad length, repeated tag, no record.</summary>
    public const string BadRequest = "bad-request";

    /// <summary>Code: the record bytes are not ISO 2709 (§3.3).</summary>
    public const string BadRecord = "bad-record";

    /// <summary>Code: the record failed validation at the profile's level (§7 step 4).</summary>
    public const string InvalidRecord = "invalid-record";

    /// <summary>Code: the record matches several stored records; kept for review (§7 step 5).</summary>
    public const string MultipleMatches = "multiple-matches";

    /// <summary>Code: the record matches no stored record and the profile does not add unmatched records (§7 step 5).</summary>
    public const string NoMatch = "no-match";

    /// <summary>Code: the record would overlay a fuller record with a briefer one (§7 step 5).</summary>
    public const string LowerEncodingLevel = "lower-encoding-level";

    /// <summary>Code: the logon may not write to that repository, or the peer address is not allowed.</summary>
    public const string NotAuthorized = "not-authorized";

    /// <summary>Code: the request is larger than the host accepts; the host closes the connection after replying.</summary>
    public const string TooLarge = "too-large";

    /// <summary>Code: no usable record arrived within the idle timeout (§5 rule 5).</summary>
    public const string Timeout = "timeout";

    /// <summary>Code: the host has as many connections as it serves (in all, or from this peer address); try again later.</summary>
    public const string Busy = "busy";

    /// <summary>Code: the host failed; nothing was stored.</summary>
    public const string ServerError = "server-error";

    /// <summary>Code: the host's disk is full; nothing was stored, and the same record can be sent again once space is freed.</summary>
    public const string StorageFull = "storage-full";

    /// <summary>Action: a new record was stored.</summary>
    public const string Added = "added";

    /// <summary>Action: a stored record was overlaid; its previous version is kept (§7 step 6).</summary>
    public const string Overlaid = "overlaid";

    /// <summary>Action: the same record was sent again; nothing new was stored (§7 step 7).</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Action: the record was kept aside for review instead of being stored.</summary>
    public const string Staged = "staged";

    /// <summary>Every value of the <c>status=</c> token.</summary>
    public static IReadOnlyList<string> Statuses { get; } = [Ok, Error];

    /// <summary>Every value of the <c>code=</c> token.</summary>
    public static IReadOnlyList<string> ErrorCodes { get; } =
    [
        LogonFailed, LockedOut, BadRequest, BadRecord, InvalidRecord, MultipleMatches, NoMatch,
        LowerEncodingLevel, NotAuthorized, TooLarge, Timeout, Busy, ServerError, StorageFull,
    ];

    /// <summary>Every value of the <c>action=</c> token.</summary>
    public static IReadOnlyList<string> Actions { get; } = [Added, Overlaid, Unchanged, Staged];

    /// <summary>True when <paramref name="code"/> is a value of the <c>code=</c> token.</summary>
    public static bool IsErrorCode(string? code) => code is not null && ErrorCodes.Contains(code, StringComparer.Ordinal);

    /// <summary>True when <paramref name="action"/> is a value of the <c>action=</c> token.</summary>
    public static bool IsAction(string? action) => action is not null && Actions.Contains(action, StringComparer.Ordinal);
}
