namespace Marcgate.Validation.Tables;

/// <summary>A set of ASCII characters as two 64-bit masks: membership is a shift and a test.</summary>
internal readonly struct AsciiSet
{
    private readonly ulong _low;
    private readonly ulong _high;

    public AsciiSet(string? chars)
    {
        foreach (var c in chars ?? string.Empty)
        {
            if (c < 64)
            {
                _low |= 1UL << c;
            }
            else if (c < 128)
            {
                _high |= 1UL << (c - 64);
            }
        }
    }

    public bool Contains(char c) => c switch
    {
        < (char)64 => ((_low >> c) & 1) != 0,
        < (char)128 => ((_high >> (c - 64)) & 1) != 0,
        _ => false,
    };
}
