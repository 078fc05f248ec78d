using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Marcgate.Catalog.Metrics;

/// <summary>
/// The instruments every catalog store reports to, told apart by the <c>store</c> tag (<see cref="Sqlite"/>,
/// <see cref="Postgres"/>): commit batches, their latency, and store failures.
/// </summary>
public static class CatalogStoreMetrics
{
    /// <summary>The <c>store</c> tag of the SQLite store.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The <c>store</c> tag of the PostgreSQL store.</summary>
    public const string Postgres = "postgresql";

    /// <summary>The <c>operation</c> tag of a read that failed.</summary>
    public const string Read = "read";

    /// <summary>The <c>operation</c> tag of a write that was not committed.</summary>
    public const string Write = "write";

    /// <summary>The <c>operation</c> tag of a flush to disk that failed, leaving writes of unknown durability.</summary>
    public const string Flush = "flush";

    private const string StoreTag = "store";

    private static readonly Histogram<int> s_batchSize = MarcgateMeter.Meter.CreateHistogram(
        "marcgate.store.commit.batch.size",
        "{write}",
        "Writes made durable together by one commit (group commit).",
        tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    private static readonly Histogram<double> s_commitDuration = MarcgateMeter.Meter.CreateHistogram(
        "marcgate.store.commit.duration",
        "s",
        "Time from a commit batch's first write to its being durable.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricBuckets.Latency });

    private static readonly Counter<long> s_errors = MarcgateMeter.Meter.CreateCounter<long>(
        "marcgate.store.errors",
        "{error}",
        "Store operations that failed: a read, a write not committed, a flush to disk.");

    /// <summary>A batch of <paramref name="writes"/> writes is durable, <paramref name="elapsed"/> after its first write began.</summary>
    public static void BatchCommitted(string store, int writes, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>(StoreTag, store);
        s_batchSize.Record(writes, tag);
        s_commitDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>A store operation failed: <see cref="Read"/>, <see cref="Write"/> or <see cref="Flush"/>.</summary>
    public static void Failed(string store, string operation) =>
        s_errors.Add(1, new TagList { { StoreTag, store }, { "operation", operation } });
}
