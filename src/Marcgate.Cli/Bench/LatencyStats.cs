using System.Globalization;

namespace Marcgate.Cli.Bench;

/// <summary>Reply latencies of a run and their percentiles.</summary>
internal sealed class LatencyStats(IReadOnlyList<double> milliseconds)
{
    public int Count => milliseconds.Count;

    public double Percentile(double p)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):0.00} ms, p95 {Percentile(95):0.00} ms, p99 {Percentile(99):0.00} ms, max {Percentile(100):0.00} ms");
}
