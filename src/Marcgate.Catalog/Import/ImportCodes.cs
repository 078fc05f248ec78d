namespace Marcgate.Catalog.Import;

/// <summary>The error codes and actions the import pipeline reports (the <c>code=</c> and <c>action=</c> tokens of gateway §4).</summary>
public static class ImportCodes
{
    /// <summary>Unknown logon ID or wrong password; the two are never told apart.</summary>
    public const string LogonFailed = "logon-failed";

    /// <summary>Too many failed logons for the logon ID or the peer address.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>The bytes are not an ISO 2709 record.</summary>
    public const string BadRecord = "bad-record";

    /// <summary>The record fails validation at the profile's level (§7 step 4).</summary>
    public const string InvalidRecord = "invalid-record";

    /// <summary>The record matches several stored records; kept for review (§7 step 5).</summary>
    public const string MultipleMatches = "multiple-matches";

    /// <summary>The record matches nothing and the profile does not add unmatched records (§7 step 5).</summary>
    public const string NoMatch = "no-match";

    /// <summary>A briefer record would overlay a fuller one (§7 step 5).</summary>
    public const string LowerEncodingLevel = "lower-encoding-level";

    /// <summary>The peer address is not on the account's allow-list, or the account's repository is gone.</summary>
    public const string NotAuthorized = "not-authorized";

    /// <summary>The host failed; nothing was stored.</summary>
    public const string ServerError = "server-error";

    /// <summary>Action: a new record was stored.</summary>
    public const string Added = "added";

    /// <summary>Action: a stored record got a new version.</summary>
    public const string Overlaid = "overlaid";

    /// <summary>Action: the record equals the stored one; nothing was stored (§7 step 7).</summary>
    public const string Unchanged = "unchanged";
}
