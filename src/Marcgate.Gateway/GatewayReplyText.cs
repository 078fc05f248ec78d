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
        GatewayErrorCodes.LogonFailed => "Logon failed--the logon ID and/or password is not valid.",
        GatewayErrorCodes.LockedOut => "Logon locked--too many failed logons; try again later.",
        GatewayErrorCodes.BadRequest => "The request is not an OCLC Gateway Export request.",
        GatewayErrorCodes.BadRecord => "The record is not a valid MARC 21 (ISO 2709) record.",
        GatewayErrorCodes.InvalidRecord => "The record failed validation.",
        GatewayErrorCodes.MultipleMatches => "The record matches more than one record; it was kept for review.",
        GatewayErrorCodes.NoMatch => "The record matches no record in the repository, and new records are not added.",
        GatewayErrorCodes.LowerEncodingLevel => "The record would overlay a fuller record with a briefer one.",
        GatewayErrorCodes.NotAuthorized => "This logon may not import into that repository.",
        GatewayErrorCodes.TooLarge => "The request is larger than the host accepts.",
        GatewayErrorCodes.Timeout => "No complete record arrived before the timeout.",
        GatewayErrorCodes.Busy => "The host is serving as many connections as it can; try again later.",
        _ => "The host could not process the record; nothing was stored.",
    };

    /// <summary>The verb phrase of a success line for an action: "Record 000123 was added to NETWORK".</summary>
    internal static string ForAction(string action) => action switch
    {
        GatewayActions.Added => "was added to",
        GatewayActions.Overlaid => "was overlaid in",
        GatewayActions.Unchanged => "is unchanged in",
        _ => "was staged for review in",
    };
}
