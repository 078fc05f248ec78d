using System.Net;
using Microsoft.Extensions.Logging;

namespace Marcgate.Host;

/// <summary>The host's log lines, never the password; an import's one line is <see cref="Import"/>.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1, LogLevel.Information, "Listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(3, LogLevel.Warning, "Refused {Peer}: {Reason}")]
    public static partial void Refused(ILogger logger, string peer, string reason);

    [LoggerMessage(4, LogLevel.Information, "Request from {Peer} rejected: code={Code} {Message}")]
    public static partial void Rejected(ILogger logger, string peer, string code, string message);

    [LoggerMessage(6, LogLevel.Debug, "Connection from {Peer} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string peer, string reason);

    [LoggerMessage(7, LogLevel.Error, "Session with {Peer} failed")]
    public static partial void SessionFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Stopping: waiting for {Count} connections to finish their requests")]
    public static partial void Draining(ILogger logger, int count);

    /// <summary>
    /// An import's one line (gateway §7 step 9, with the receipt's correlation ID): Information, or Error with the
    /// exception when the importer failed unexpectedly, so a failure is still one line.
    /// </summary>
    public static void Import(ILogger logger, in ImportLogEntry entry, Exception? failure)
    {
        var level = failure is null ? LogLevel.Information : LogLevel.Error;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, ImportLogEntry.EventId, entry, failure, ImportLogEntry.Formatter);
        }
    }

    [LoggerMessage(13, LogLevel.Warning, "The catalog store is out of disk space: records are refused with code=storage-full and nothing is stored until space is freed; {Detail}")]
    public static partial void StorageFull(ILogger logger, string detail);

    [LoggerMessage(14, LogLevel.Warning, "The catalog store has disk space again: records are stored; {Refused} were refused with code=storage-full meanwhile")]
    public static partial void StorageAvailable(ILogger logger, long refused);

    [LoggerMessage(9, LogLevel.Information, "Listening on {EndPoint} with TLS, certificate {Subject}")]
    public static partial void ListeningTls(ILogger logger, IPEndPoint endPoint, string subject);

    [LoggerMessage(10, LogLevel.Information, "TLS certificate {Subject} read again from {File}")]
    public static partial void CertificateReloaded(ILogger logger, string subject, string file);

    [LoggerMessage(11, LogLevel.Warning, "TLS certificate {File} changed but was not read; the previous one stays in use: {Reason}")]
    public static partial void CertificateNotReloaded(ILogger logger, string file, string reason);

    [LoggerMessage(12, LogLevel.Debug, "TLS handshake with {Peer} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string peer, string reason);
}
