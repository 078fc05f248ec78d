using Marcgate.Catalog.Import;
using Marcgate.Gateway;

namespace Marcgate.Host;

/// <summary>Turns the import pipeline's outcome into the gateway §4 reply.</summary>
internal static class ImportReplies
{
    public static GatewayReply From(ImportOutcome outcome, IReadOnlyList<string> hostWarnings)
    {
        var warnings = hostWarnings.Count == 0 ? outcome.Warnings : [.. hostWarnings, .. outcome.Warnings];
        if (outcome.Ok)
        {
            // §4: the action is a closed list; anything else is a broken importer, not a success to report.
            return GatewayReplyCodes.IsAction(outcome.Action) && outcome.Repository is not null && outcome.RecordId is not null
                ? GatewayReply.Success(outcome.Action!, outcome.Repository, outcome.RecordId, outcome.OclcNumber, warnings)
                : GatewayReply.Failure(GatewayReplyCodes.ServerError, $"The importer reported success without a known action, repository and record ('{outcome.Action}').");
        }

        return GatewayReplyCodes.IsErrorCode(outcome.Code)
            ? GatewayReply.Failure(outcome.Code!, string.IsNullOrWhiteSpace(outcome.Message) ? null : outcome.Message, warnings)
            : GatewayReply.Failure(GatewayReplyCodes.ServerError, $"The importer failed with an unknown code '{outcome.Code}': {outcome.Message}", warnings);
    }
}
