using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;

namespace Marcgate.Catalog.Administration;

/// <summary>Reads the receipt log (gateway §7 step 9) by logon ID, outcome, time and correlation ID, the same for the command line and the console.</summary>
public sealed class ReceiptSearch
{
    private readonly ICatalogStore _store;

    /// <summary>Reads one catalog store's receipts.</summary>
    public ReceiptSearch(ICatalogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The latest <paramref name="limit"/> receipts that match, oldest first.</summary>
    /// <param name="logonId">Only this logon ID's receipts, or null.</param>
    /// <param name="outcome"><c>ok</c>, <c>error</c>, an action (<c>added</c>, …) or an error code (<c>logon-failed</c>, …) of gateway §4, or null.</param>
    /// <param name="since">Only receipts at or after this time, or null.</param>
    /// <param name="correlationId">Only the receipt of the import with this correlation ID, as the host's log line shows it (any case), or null.</param>
    /// <param name="limit">How many at most.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<AdministrationResult<IReadOnlyList<Receipt>>> FindAsync(string? logonId, string? outcome, DateTimeOffset? since, string? correlationId, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return Fail($"The number of receipts must be positive, not {limit}.");
        }

        string? correlation = null;
        if (correlationId is not null && !ImportCorrelation.TryNormalize(correlationId, out correlation))
        {
            return Fail($"'{correlationId}' is not a correlation ID: one is {ImportCorrelation.IdLength} letters and digits (Crockford base32), as the host's log line and the receipts show it.");
        }

        var query = new ReceiptQuery { LogonId = logonId, Since = since, CorrelationId = correlation, Limit = limit };
        switch (outcome)
        {
            case null:
                break;
            case GatewayReplyCodes.Ok:
                query = query with { Ok = true };
                break;
            case GatewayReplyCodes.Error:
                query = query with { Ok = false };
                break;
            case var code when GatewayReplyCodes.IsAction(code):
                query = query with { Ok = true, Code = code };
                break;
            case var code when GatewayReplyCodes.IsErrorCode(code):
                query = query with { Ok = false, Code = code };
                break;
            default:
                return Fail($"'{outcome}' is not an outcome: use ok, error, one of {string.Join(", ", GatewayReplyCodes.Actions)}, or one of {string.Join(", ", GatewayReplyCodes.ErrorCodes)}.");
        }

        return AdministrationResult<IReadOnlyList<Receipt>>.Done(await _store.FindReceiptsAsync(query, cancellationToken).ConfigureAwait(false));
    }

    private static AdministrationResult<IReadOnlyList<Receipt>> Fail(string message) =>
        AdministrationResult<IReadOnlyList<Receipt>>.From(AdministrationResult.Refused(message));
}
