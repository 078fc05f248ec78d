namespace Marcgate.Fuzz;

/// <summary>One parser fed with untrusted bytes the way the host or the CLI feed it.</summary>
/// <remarks>
/// A target returns normally for any input: bad content must come back as diagnostics or a documented
/// exception, which the target absorbs. Anything else escaping <see cref="Run"/> is a finding.
/// </remarks>
internal abstract class FuzzTarget
{
    /// <summary>The name used by <c>bench/fuzz.sh</c> and for the seed and regression folders.</summary>
    public abstract string Name { get; }

    /// <summary>What the target feeds the bytes through, for <c>--list</c>.</summary>
    public abstract string Description { get; }

    /// <summary>What one input byte may cost in allocation (see <see cref="AllocationBudget"/>).</summary>
    public virtual long AllocationPerInputByte => AllocationBudget.PerInputByte;

    /// <summary>Seeds taken from <c>testdata/</c>, as paths relative to the repository root; folders are read whole.</summary>
    public abstract IEnumerable<string> SeedSources { get; }

    /// <summary>Runs one input; throws only on a finding.</summary>
    public void Run(ReadOnlySpan<byte> input)
    {
        var budget = AllocationBudget.For(input.Length, AllocationPerInputByte);
        var allocated = Measure(input);
        if (allocated > budget)
        {
            throw new FuzzFinding($"{Name}: {allocated:N0} bytes allocated for {input.Length:N0} bytes of input (budget {budget:N0})");
        }
    }

    /// <summary>Runs one input and returns the bytes it allocated on this thread (the targets run on one thread).</summary>
    public long Measure(ReadOnlySpan<byte> input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Execute(input);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Turns a seed file into seed inputs (most files are one input as they are).</summary>
    public virtual IEnumerable<byte[]> SeedsFrom(string path, byte[] content) => [content];

    /// <summary>Feeds the bytes through the parser.</summary>
    protected abstract void Execute(ReadOnlySpan<byte> input);
}
