namespace Marcgate.Fuzz.Tests;

/// <summary>What a target counts as a finding.</summary>
public sealed class FuzzTargetTests
{
    [Fact]
    public void An_exception_escaping_the_parser_is_a_finding()
    {
        var problem = Replay.Check(new Throwing(), [1, 2, 3]);
        Assert.IsType<InvalidOperationException>(problem);
    }

    [Fact]
    public void Allocating_far_more_than_the_input_is_a_finding()
    {
        var problem = Replay.Check(new Allocating(AllocationBudget.For(10) + (1 << 20)), new byte[10]);
        var finding = Assert.IsType<FuzzFinding>(problem);
        Assert.Contains("allocated for 10 bytes of input", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocating_within_the_budget_is_not()
    {
        Assert.Null(Replay.Check(new Allocating(AllocationBudget.For(10) / 2), new byte[10]));
    }

    [Fact]
    public void A_gateway_request_cut_short_by_the_close_is_not_a_finding()
    {
        var target = FuzzTargets.Find("gateway")!;
        Assert.Null(Replay.Check(target, "AO01CARLI_NETWORK"u8.ToArray()));
        Assert.Null(Replay.Check(target, "00254nam  22001"u8.ToArray()));
    }

    [Fact]
    public void Replay_reports_each_finding_and_fails()
    {
        var dir = Directory.CreateTempSubdirectory("marcgate-fuzz-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "a"), [1]);
            File.WriteAllBytes(Path.Combine(dir.FullName, "b"), [2]);
            var output = new StringWriter();
            Assert.Equal(1, Replay.Run(new Throwing(), [dir.FullName], output));
            Assert.Contains("2 input(s) replayed, 2 finding(s)", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, Replay.Run(FuzzTargets.Find("json")!, [dir.FullName], new StringWriter()));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed class Throwing : FuzzTarget
    {
        public override string Name => "throwing";

        public override string Description => "throws";

        public override IEnumerable<string> SeedSources => [];

        protected override void Execute(ReadOnlySpan<byte> input) => throw new InvalidOperationException("broken");
    }

    private sealed class Allocating(long bytes) : FuzzTarget
    {
        public override string Name => "allocating";

        public override string Description => "allocates";

        public override IEnumerable<string> SeedSources => [];

        protected override void Execute(ReadOnlySpan<byte> input) => GC.KeepAlive(new byte[bytes]);
    }
}
