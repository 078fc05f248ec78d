using System.Globalization;
using Marcgate.Catalog.Import;
using Marcgate.Gateway;

namespace Marcgate.Host;

internal sealed partial class GatewaySession
{
    private async Task<GatewayReply> HandleAsync(GatewayRequest request)
    {
        var reply = await ImportAsync(request).ConfigureAwait(false);
        HostLog.Receipt(_logger, _peer, request.EffectiveLogonId ?? "-", request.ExportingUserId ?? "-", request.Record.Length, GatewayReplyWriter.StatusLine(reply));
        return reply;
    }

    private async Task<GatewayReply> ImportAsync(GatewayRequest request)
    {
        if (_options.CheckRecordStructure && !RecordStructureCheck.IsIso2709(request.Record.Span, out var problem))
        {
            return GatewayReply.Failure(GatewayErrorCodes.BadRecord, problem);
        }

        IReadOnlyList<string> warnings = request.RecordLengthRecovered
            ? [string.Create(CultureInfo.InvariantCulture, $"The leader gives the record length as {request.DeclaredRecordLength}; the record ends at its terminator after {request.Record.Length} bytes.")]
            : [];
        try
        {
            // The request in hand is finished on shutdown: only a forced stop cancels the import (§5).
            var outcome = await _importer.ImportAsync(
                new ImportRequest(request.EffectiveLogonId, request.Password, request.ExportingUserId, _peerAddress, request.Record), _abort).ConfigureAwait(false);
            return ImportReplies.From(outcome, warnings);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            HostLog.ImportFailed(_logger, _peer, ex);
            return GatewayReply.Failure(GatewayErrorCodes.ServerError);
        }
    }
}
