namespace Marcgate.Gateway;

/// <summary>The standard sentences of a reply's human line (gateway §4); their wording follows Alma's, which catalogers know.</summary>
public static class GatewayReplyText
{
    /// <summary>The start of every success line.</summary>
    public const string SuccessPrefix = "The record has been processed successfully.";

    /// <summary>The start of every error line.</summary>
    public const string FailurePrefix = "Import Failed.";

    /// <summary>The start of every warning line.</summary>
    public const string WarningPrefix = "Warning: ";

    /// <summary>The standard sentence for an error code, used when a reply carries no message of its own.</summary>
    public static string ForCode(string code) => code switch
    {
        GatewayReplyCodes.LogonFailed => "Logon failed--the logon ID and/or password is not valid.",
        GatewayReplyCodes.LockedOut => "Logon locked--too many failed logons; try again later.",
        GatewayReplyCodes.BadRequest => "The request is not an OCLC Gateway Export request.",
        GatewayReplyCodes.BadRecord => "The record is not a valid MARC 21 (ISO 2709) record.",
        GatewayReplyCodes.InvalidRecord => "The record failed validation.",
        GatewayReplyCodes.MultipleMatches => "The record matches more than one record; it was kept for review.",
        GatewayReplyCodes.NoMatch => "The record matches no record in the repository, and new records are not added.",
        GatewayReplyCodes.LowerEncodingLevel => "The record would overlay a fuller record with a briefer one.",
        GatewayReplyCodes.NotAuthorized => "This logon may not import into that repository.",
        GatewayReplyCodes.TooLarge => "The request is larger than the host accepts.",
        GatewayReplyCodes.Timeout => "No complete record arrived before the timeout.",
        GatewayReplyCodes.Busy => "The host is serving as many connections as it can; try again later.",
        GatewayReplyCodes.StorageFull => "The host's disk is full; nothing was stored. Send the record again once space is freed.",
        _ => "The host could not process the record; nothing was stored.",
    };

    /// <summary>The verb phrase of a success line for an action: "Record 000123 was added to NETWORK".</summary>
    internal static string ForAction(string action) => action switch
    {
        GatewayReplyCodes.Added => "was added to",
        GatewayReplyCodes.Overlaid => "was overlaid in",
        GatewayReplyCodes.Unchanged => "is unchanged in",
        _ => "was staged for review in",
    };
}
