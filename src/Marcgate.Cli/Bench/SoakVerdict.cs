using System.Globalization;

namespace Marcgate.Cli.Bench;

/// <summary>
/// The judgement of a soak run from its minutes: resident memory flat over the second half (least-squares slope, the first
/// half being the host's warm-up: caches filling, the heap finding its size), open descriptors varying by no more than the
/// connections that can be open at a sample, and every reply the one its request was owed.
/// </summary>
internal sealed record SoakVerdict(double? RssSlope, int? DescriptorSpread, int Unexpected, double MaxRssSlope, int MaxDescriptorSpread)
{
    /// <summary>Judges the samples of a run, each taken at <c>Minute</c> (minutes since the start) after the replies of <c>Tally</c>.</summary>
    public static SoakVerdict Judge(IReadOnlyList<(double Minute, SoakTally Tally, HostSample Host)> minutes, double maxRssSlope, int maxDescriptorSpread)
    {
        var secondHalf = minutes.Select(m => (m.Minute, m.Host.RssMegabytes)).Skip(minutes.Count / 2)
            .Where(p => p.RssMegabytes is not null).Select(p => (p.Minute, Rss: p.RssMegabytes!.Value)).ToList();
        double? slope = null;
        if (secondHalf.Count >= 2)
        {
            var meanX = secondHalf.Average(p => p.Minute);
            var meanY = secondHalf.Average(p => p.Rss);
            slope = secondHalf.Sum(p => (p.Minute - meanX) * (p.Rss - meanY)) / secondHalf.Sum(p => (p.Minute - meanX) * (p.Minute - meanX));
        }

        var descriptors = minutes.Select(m => m.Host.Descriptors).OfType<int>().ToList();
        int? spread = descriptors.Count == 0 ? null : descriptors.Max() - descriptors.Min();
        return new SoakVerdict(slope, spread, minutes.Sum(m => m.Tally.UnexpectedCount), maxRssSlope, maxDescriptorSpread);
    }

    public bool MemoryFlat => RssSlope is { } s && s <= MaxRssSlope;

    public bool DescriptorsFlat => DescriptorSpread is { } d && d <= MaxDescriptorSpread;

    public bool Passed => MemoryFlat && DescriptorsFlat && Unexpected == 0;

    public IEnumerable<string> Describe()
    {
        // Rounded first, and a negative zero made positive: a slope of -0.001 reads +0.00, not -+0.00.
        var shown = RssSlope is { } r ? Math.Round(r, 2) + 0.0 : 0;
        yield return RssSlope is not null
            ? string.Create(CultureInfo.InvariantCulture, $"- RSS slope over the second half: {(shown == 0 ? 0 : shown):+0.00;-0.00} MB/min (limit {MaxRssSlope:0.00}): {(MemoryFlat ? "pass" : "FAIL")}")
            : "- RSS slope over the second half: not measured (no host RSS for two minutes of it; give --host-pid): FAIL";
        yield return DescriptorSpread is { } d
            ? $"- open descriptors, max - min: {d} (limit {MaxDescriptorSpread}: the sockets of requests in flight come and go): {(DescriptorsFlat ? "pass" : "FAIL")}"
            : "- open descriptors: not measured (give --host-pid): FAIL";
        yield return $"- unexpected replies: {Unexpected}: {(Unexpected == 0 ? "pass" : "FAIL")}";
        yield return $"- verdict: {(Passed ? "PASS" : "FAIL")}";
    }
}
