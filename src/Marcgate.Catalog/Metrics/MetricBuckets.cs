namespace Marcgate.Catalog.Metrics;

/// <summary>Histogram bucket boundaries shared by the latency instruments.</summary>
public static class MetricBuckets
{
    /// <summary>Seconds, 1 ms to 1 s in steps of 1-2-5: a reply or commit takes a few milliseconds, and anything past half a second is trouble.</summary>
    public static IReadOnlyList<double> Latency { get; } = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];
}
