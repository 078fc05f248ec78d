namespace Marcgate.Fuzz;

/// <summary>How much a target may allocate for one input before the allocation counts as unbounded.</summary>
/// <remarks>
/// Reading, converting to Unicode and writing a record again holds a few copies of it as objects and UTF-16
/// strings: tens of bytes per input byte for records of many tiny fields. A parser that trusts a length or count
/// from its input instead of the bytes it has allocates far beyond that, whatever the input's size.
/// </remarks>
internal static class AllocationBudget
{
    /// <summary>Buffers the readers take up front (64 KiB read buffers, XML and JSON readers' state), whatever the input.</summary>
    public const long Fixed = 4L << 20;

    /// <summary>Bytes allowed per input byte, unless a target that makes more passes over its input says otherwise.</summary>
    public const long PerInputByte = 400;

    public static long For(int inputLength, long perInputByte = PerInputByte) => Fixed + (perInputByte * inputLength);
}
