namespace Marcgate.Cli.Bench;

/// <summary>One load run: how long it took, each request's latency in milliseconds, and how many requests got each outcome.</summary>
internal sealed record LoadRun(TimeSpan Elapsed, double[] Latencies, IReadOnlyDictionary<string, int> Outcomes);
