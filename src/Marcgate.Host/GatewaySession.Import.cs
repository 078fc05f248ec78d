using System.Diagnostics;
using System.Globalization;
using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host;

internal sealed partial class GatewaySession
{
    private async Task<GatewayReply> HandleAsync(GatewayRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var correlationId = ImportCorrelation.NewId();
        var (reply, outcome, failure) = await ImportAsync(request, correlationId).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        _storageFull.Replied(reply, outcome?.Detail, started);
        var repository = reply.Repository ?? outcome?.Repository;
        GatewayMetrics.Replied(reply, repository, elapsed);

        // The entry is built only when it is written: at Warning level the host skips that work per request.
        if (failure is not null || _logger.IsEnabled(LogLevel.Information))
        {
            HostLog.Import(
                _logger,
                new ImportLogEntry
                {
                    CorrelationId = correlationId,
                    Peer = _peer,
                    LogonId = request.EffectiveLogonId,
                    UserId = request.ExportingUserId,
                    Repository = repository,
                    Outcome = reply.Ok ? reply.Action! : GatewayMetrics.Refused,
                    Code = reply.Code,
                    RecordId = reply.RecordId,
                    OclcNumber = reply.OclcNumber ?? outcome?.OclcNumber,
                    Bytes = request.Record.Length,
                    Warnings = reply.Warnings.Count,
                    ElapsedMs = Math.Round(elapsed.TotalMilliseconds, 2),
                    Reason = reply.Ok ? null : reply.Message ?? GatewayReplyText.ForCode(reply.Code!),
                },
                failure);
        }

        return reply;
    }

    private async Task<(GatewayReply Reply, ImportOutcome? Outcome, Exception? Failure)> ImportAsync(GatewayRequest request, string correlationId)
    {
        var record = _importer.Read(request.Record);
        if (_options.CheckRecordStructure && !record.IsRecord)
        {
            return (GatewayReply.Failure(GatewayReplyCodes.BadRecord, record.Problem), null, null);
        }

        IReadOnlyList<string> warnings = request.RecordLengthRecovered
            ? [string.Create(CultureInfo.InvariantCulture, $"The leader gives the record length as {request.DeclaredRecordLength}; the record ends at its terminator after {request.Record.Length} bytes.")]
            : [];
        try
        {
            // The request in hand is finished on shutdown: only a forced stop cancels the import (§5).
            var importRequest = new ImportRequest(request.EffectiveLogonId, request.Password, request.ExportingUserId, _peerAddress, record) { CorrelationId = correlationId, DefaultLogonId = DefaultAccount };
            var outcome = await _importer.ImportAsync(importRequest, _abort).ConfigureAwait(false);
            return (ImportReplies.From(outcome, warnings), outcome, null);
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            return (GatewayReply.Failure(GatewayReplyCodes.ServerError), null, ex);
        }
    }
}
