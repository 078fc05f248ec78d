using System.Diagnostics;
using System.Diagnostics.Metrics;
using Marcgate.Catalog.Metrics;
using Marcgate.Gateway;

namespace Marcgate.Host;

/// <summary>The gateway host's instruments (docs/observability.md): records by outcome, reply latency, connections.</summary>
internal static class GatewayMetrics
{
    /// <summary>The <c>outcome</c> of a record answered <c>status=error</c>; its <c>code</c> tag says why.</summary>
    public const string Refused = "refused";

    /// <summary>The <c>reason</c> of a connection refused at <c>Gateway:MaxConnections</c>.</summary>
    public const string Limit = "limit";

    /// <summary>The <c>reason</c> of a connection refused at <c>Gateway:MaxConnectionsPerAddress</c>.</summary>
    public const string PeerLimit = "peer-limit";

    private static readonly Counter<long> s_records = MarcgateMeter.Meter.CreateCounter<long>(
        "marcgate.import.records",
        "{record}",
        "Records answered by the gateway host, by outcome (added, overlaid, unchanged, staged, refused), reply code and repository.");

    private static readonly Histogram<double> s_replyDuration = MarcgateMeter.Meter.CreateHistogram(
        "marcgate.gateway.reply.duration",
        "s",
        "Time from a request's last byte to its reply being ready to send, the durable commit included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricBuckets.Latency });

    private static readonly UpDownCounter<long> s_activeConnections = MarcgateMeter.Meter.CreateUpDownCounter<long>(
        "marcgate.gateway.active_connections",
        "{connection}",
        "Gateway connections being served.");

    private static readonly Counter<long> s_refusedConnections = MarcgateMeter.Meter.CreateCounter<long>(
        "marcgate.gateway.refused_connections",
        "{connection}",
        "Gateway connections answered code=busy and closed, by the limit they met.");

    /// <summary>A record's reply is ready, <paramref name="elapsed"/> after its request was complete.</summary>
    public static void Replied(GatewayReply reply, string? repository, TimeSpan elapsed)
    {
        var records = new TagList { { "outcome", reply.Ok ? reply.Action : Refused } };
        if (!reply.Ok)
        {
            records.Add("code", reply.Code);
        }

        if (repository is not null)
        {
            records.Add("repository", repository);
        }

        s_records.Add(1, records);
        s_replyDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("status", reply.Ok ? GatewayReplyCodes.Ok : GatewayReplyCodes.Error));
    }

    public static void ConnectionOpened() => s_activeConnections.Add(1);

    public static void ConnectionClosed() => s_activeConnections.Add(-1);

    /// <summary>A connection was refused: <see cref="Limit"/> or <see cref="PeerLimit"/>.</summary>
    public static void ConnectionRefused(string reason) => s_refusedConnections.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
