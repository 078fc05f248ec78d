namespace Marcgate.Cli.Bench;

/// <summary>The replies of one minute of a soak run: latencies of the catalog's requests, and how many got each outcome.</summary>
internal sealed class SoakTally
{
    /// <summary>The outcomes the table counts, in its column order: every reply a soak request is owed.</summary>
    public static readonly string[] Outcomes = ["added", "unchanged", "overlaid", "bad-record", "logon-failed", "locked-out"];

    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unexpected = new(StringComparer.Ordinal);

    public int Replies { get; private set; }

    public IReadOnlyList<double> Latencies => _latencies;

    public int Count(string outcome) => _counts.GetValueOrDefault(outcome);

    public int UnexpectedCount => _unexpected.Values.Sum();

    /// <summary>Each unexpected reply, as "KIND got REPLY", with how many times.</summary>
    public IReadOnlyDictionary<string, int> Unexpected => _unexpected;

    /// <summary>
    /// Counts one reply. Latency is kept for every kind but bad logons, whose replies the host delays on purpose
    /// (gateway §7 step 1, <c>FailureDelay</c>). True when the reply is the one <paramref name="kind"/> is owed.
    /// </summary>
    public bool Add(SoakKind kind, string reply, double milliseconds)
    {
        Replies++;
        if (kind != SoakKind.BadLogon)
        {
            _latencies.Add(milliseconds);
        }

        if (Expected(kind, reply) is { } outcome)
        {
            _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
            return true;
        }

        var key = $"{SoakMix.NameOf(kind)} got \"{reply}\"";
        _unexpected[key] = _unexpected.GetValueOrDefault(key) + 1;
        return false;
    }

    /// <summary>Adds another tally's counts (not its latencies) to this one.</summary>
    public void AddCounts(SoakTally other)
    {
        Replies += other.Replies;
        foreach (var (outcome, n) in other._counts)
        {
            _counts[outcome] = _counts.GetValueOrDefault(outcome) + n;
        }

        foreach (var (key, n) in other._unexpected)
        {
            _unexpected[key] = _unexpected.GetValueOrDefault(key) + n;
        }
    }

    // The outcome column of a reply that is what the kind is owed (gateway §4 tokens), or null.
    private static string? Expected(SoakKind kind, string reply) => (kind, reply) switch
    {
        (SoakKind.New, "status=ok action=added") => "added",
        (SoakKind.Unchanged, "status=ok action=unchanged") => "unchanged",
        (SoakKind.Overlay, "status=ok action=overlaid") => "overlaid",
        (SoakKind.BadRecord, "status=error code=bad-record") => "bad-record",
        (SoakKind.BadLogon, "status=error code=logon-failed") => "logon-failed",
        (SoakKind.BadLogon, "status=error code=locked-out") => "locked-out",
        _ => null,
    };
}
