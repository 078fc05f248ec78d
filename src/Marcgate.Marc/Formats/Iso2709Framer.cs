using System.Runtime.CompilerServices;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Formats;

/// <summary>
/// Cuts ISO 2709 input into records by their leader lengths for as long as the input is clean: each
/// leader length five digits and the record terminator exactly where it says. At the first thing
/// that is not, it stops; the full <see cref="Iso2709Reader"/> then applies its recovery and diagnostics.
/// </summary>
internal sealed class Iso2709Framer(Stream stream, int maxRecordBytes) : IDisposable
{
    private readonly ReadBuffer _buffer = new(stream, 256 * 1024, Math.Max(256 * 1024, maxRecordBytes));
    private int _current;

    /// <summary>Byte offset of the next record (or of the rest handed over).</summary>
    public long Offset => _buffer.Offset;

    /// <summary>Records framed so far, the last one included.</summary>
    public long RecordNumber { get; private set; }

    /// <summary>True when the input ended cleanly; false when the rest must go to the full reader.</summary>
    public bool AtEnd => _buffer.Count == 0 && _buffer.Ended;

    /// <summary>The next clean record, or an empty span when the input ended or must be handed over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Next()
    {
        _buffer.Consume(_current);
        _current = 0;
        if (!_buffer.Ensure(5))
        {
            return [];
        }

        var length = 0;
        foreach (var b in _buffer.Unread[..5])
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return [];
            }

            length = (length * 10) + (b - '0');
        }

        if (length < Leader.Length + 2 || length > maxRecordBytes || !_buffer.Ensure(length) || _buffer.Unread[length - 1] != 0x1D)
        {
            return [];
        }

        _current = length;
        RecordNumber++;
        return _buffer.Unread[..length];
    }

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Dispose() => _buffer.Dispose();
}
