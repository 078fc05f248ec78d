using Marcgate.Cli.Bench;

namespace Marcgate.Cli.Tests;

/// <summary>The soak run's verdict, computed from its samples.</summary>
public sealed class SoakVerdictTests
{
    [Fact]
    public void Memory_that_grows_in_the_first_half_only_is_flat()
    {
        var verdict = SoakVerdict.Judge(Samples([100, 140, 160, 161, 160, 161, 161, 160], [50, 52, 51, 50, 53, 50, 51, 52]), 1.0, 16);

        Assert.True(verdict.MemoryFlat);
        Assert.InRange(verdict.RssSlope!.Value, -0.5, 0.5);
        Assert.Equal(3, verdict.DescriptorSpread);
        Assert.True(verdict.Passed);
    }

    [Fact]
    public void Memory_that_keeps_growing_fails_with_its_slope()
    {
        var verdict = SoakVerdict.Judge(Samples([100, 102, 104, 106, 108, 110, 112, 114], [50, 50, 50, 50, 50, 50, 50, 50]), 1.0, 16);

        Assert.False(verdict.Passed);
        Assert.Equal(2.0, verdict.RssSlope!.Value, 6);
        Assert.Contains("- RSS slope over the second half: +2.00 MB/min (limit 1.00): FAIL", verdict.Describe());
    }

    [Fact]
    public void A_slope_that_rounds_to_zero_reads_plus_zero()
    {
        var verdict = SoakVerdict.Judge(Samples([100, 100, 100, 100, 100, 99.998], [50, 50, 50, 50, 50, 50]), 1.0, 16);

        Assert.True(verdict.RssSlope < 0);
        Assert.Contains("- RSS slope over the second half: +0.00 MB/min (limit 1.00): pass", verdict.Describe());
    }

    [Fact]
    public void Descriptors_that_grow_past_the_connections_fail()
    {
        var verdict = SoakVerdict.Judge(Samples([100, 100, 100, 100], [50, 60, 70, 80]), 1.0, 16);

        Assert.True(verdict.MemoryFlat);
        Assert.False(verdict.DescriptorsFlat);
        Assert.Contains("- open descriptors, max - min: 30 (limit 16: the sockets of requests in flight come and go): FAIL", verdict.Describe());
    }

    [Fact]
    public void An_unexpected_reply_fails_however_flat_the_host()
    {
        var samples = Samples([100, 100, 100, 100], [50, 50, 50, 50]);
        samples[2].Tally.Add(SoakKind.BadRecord, "status=ok action=added", 1);

        var verdict = SoakVerdict.Judge(samples, 1.0, 16);

        Assert.Equal(1, verdict.Unexpected);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void A_host_not_measured_fails()
    {
        var samples = Enumerable.Range(1, 4).Select(m => ((double)m, new SoakTally(), new HostSample(null, null, null, null))).ToList();

        var verdict = SoakVerdict.Judge(samples, 1.0, 16);

        Assert.False(verdict.Passed);
        Assert.Null(verdict.RssSlope);
        Assert.Contains("- verdict: FAIL", verdict.Describe());
    }

    [Fact]
    public void The_mix_spreads_each_kind_evenly_in_its_share()
    {
        var mix = SoakMix.TryParse(SoakMix.Default, out _)!;

        var first = Enumerable.Range(0, 100).Select(i => mix.KindOf(i)).ToList();
        var firstHalf = first.Take(50).ToList();

        Assert.Equal(55, first.Count(k => k == SoakKind.New));
        Assert.Equal(5, first.Count(k => k == SoakKind.BadLogon));
        Assert.InRange(firstHalf.Count(k => k == SoakKind.BadRecord), 4, 6);
        Assert.Equal(first, Enumerable.Range(100, 100).Select(i => mix.KindOf(i)));
    }

    private static List<(double Minute, SoakTally Tally, HostSample Host)> Samples(double[] rss, int[] descriptors) =>
        [.. rss.Select((r, i) => (i + 1.0, new SoakTally(), new HostSample(r, 30, descriptors[i], 1.0)))];
}
