using Marcgate.Catalog.Storage;
using Marcgate.Gateway;

namespace Marcgate.Catalog.Import;

/// <summary>Gateway §7 step 9 for refusals: every outcome that stores no record still gets its receipt.</summary>
public sealed partial class GatewayImportService
{
    private async Task<ImportOutcome> FailAsync(ImportContext context, string code, string message, CancellationToken cancellationToken, string? detail = null)
    {
        var request = context.Request;
        var receipt = new Receipt(_time.GetUtcNow(), request.PeerAddress, request.LogonId, request.UserId, Ok: false)
        {
            Code = code,
            Repository = context.Repository,
            OclcNumber = context.OclcNumber,
            Message = detail is null ? "Import Failed. " + message : $"Import Failed. {message} ({detail})",
            CorrelationId = context.CorrelationId,
        };

        try
        {
            await _store.AppendReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (code is GatewayReplyCodes.ServerError or GatewayReplyCodes.StorageFull && exception is not OperationCanceledException)
        {
            // The store is what failed; the reply still goes out (§4), and the caller logs the receipt line.
        }
        catch (CatalogStoreException exception) when (exception.StorageFull)
        {
            // A refusal on a full disk keeps its own code (the record is invalid whatever the disk): only its receipt is lost.
        }

        return new ImportOutcome(false, null, code, message)
        {
            Detail = detail,
            Repository = context.Repository,
            OclcNumber = context.OclcNumber?.ToString(),
            Warnings = context.Warnings,
            CorrelationId = context.CorrelationId,
        };
    }
}
