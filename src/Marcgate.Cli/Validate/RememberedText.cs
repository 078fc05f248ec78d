using System.Runtime.CompilerServices;

namespace Marcgate.Cli.Validate;

/// <summary>
/// Text rendered for recent keys (findings), per thread: the validator shares recurring findings per thread, so a
/// thread meets the same finding record after record whichever batch it renders.
/// </summary>
/// <remarks>A slot per key hash keeps the last key to land there and its text, in an array reused while long enough.</remarks>
internal sealed class RememberedText
{
    private const int Slots = 512;

    [ThreadStatic]
    private static RememberedText? t_ofThread;

    private readonly object?[] _keys = new object?[Slots];
    private readonly byte[][] _text = new byte[Slots][];
    private readonly int[] _length = new int[Slots];

    public static RememberedText OfThread => t_ofThread ??= new();

    public bool TryFind(object key, out ReadOnlySpan<byte> text)
    {
        var slot = Slot(key);
        if (!ReferenceEquals(_keys[slot], key))
        {
            text = default;
            return false;
        }

        text = _text[slot].AsSpan(0, _length[slot]);
        return true;
    }

    public void Keep(object key, ReadOnlySpan<byte> text)
    {
        var slot = Slot(key);
        if (_text[slot] is not { } kept || kept.Length < text.Length)
        {
            kept = _text[slot] = new byte[Math.Max(text.Length, 128)];
        }

        text.CopyTo(kept);
        _length[slot] = text.Length;
        _keys[slot] = key;
    }

    private static int Slot(object key) => RuntimeHelpers.GetHashCode(key) & (Slots - 1);
}
