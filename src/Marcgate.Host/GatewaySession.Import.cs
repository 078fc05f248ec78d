using System.Globalization;
using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host;

internal sealed partial class GatewaySession
{
    private async Task<GatewayReply> HandleAsync(GatewayRequest request)
    {
        var reply = await ImportAsync(request).ConfigureAwait(false);
        // The status line is built only when receipts are logged: at Warning level the host skips that work per request.
        if (_logger.IsEnabled(LogLevel.Information))
        {
            HostLog.Receipt(_logger, _peer, request.EffectiveLogonId ?? "-", request.ExportingUserId ?? "-", request.Record.Length, GatewayReplyWriter.StatusLine(reply));
        }
        return reply;
    }

    private async Task<GatewayReply> ImportAsync(GatewayRequest request)
    {
        var record = _importer.Read(request.Record);
        if (_options.CheckRecordStructure && !record.IsRecord)
        {
            return GatewayReply.Failure(GatewayReplyCodes.BadRecord, record.Problem);
        }

        IReadOnlyList<string> warnings = request.RecordLengthRecovered
            ? [string.Create(CultureInfo.InvariantCulture, $"The leader gives the record length as {request.DeclaredRecordLength}; the record ends at its terminator after {request.Record.Length} bytes.")]
            : [];
        try
        {
            // The request in hand is finished on shutdown: only a forced stop cancels the import (§5).
            var outcome = await _importer.ImportAsync(
                new ImportRequest(request.EffectiveLogonId, request.Password, request.ExportingUserId, _peerAddress, record) { DefaultLogonId = _options.DefaultAccount },
                _abort).ConfigureAwait(false);
            return ImportReplies.From(outcome, warnings);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            HostLog.ImportFailed(_logger, _peer, ex);
            return GatewayReply.Failure(GatewayReplyCodes.ServerError);
        }
    }
}
