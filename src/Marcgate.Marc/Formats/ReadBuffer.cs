using System.Buffers;

namespace Marcgate.Marc.Formats;

/// <summary>
/// The unread bytes of a stream, read in large blocks: what the streaming readers frame records from.
/// Consumed bytes are dropped from the front, so memory holds about one record however long the input.
/// The array is rented from the shared pool and given back on <see cref="Dispose"/>.
/// </summary>
internal sealed class ReadBuffer(Stream stream, int initialSize, int maxSize) : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(initialSize);
    private int _start;
    private int _end;

    // Bytes of the input that lay before _bytes[0].
    private long _dropped;

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Unread => _bytes.AsSpan(_start, _end - _start);

    /// <summary>The unread bytes as memory, valid until the next <see cref="Fill"/> or <see cref="Consume"/>.</summary>
    public ReadOnlyMemory<byte> UnreadMemory => _bytes.AsMemory(_start, _end - _start);

    /// <summary>How many bytes are read and not yet consumed.</summary>
    public int Count => _end - _start;

    /// <summary>The input's byte offset of the first unread byte.</summary>
    public long Offset => _dropped + _start;

    /// <summary>True once the stream has no more bytes; the unread ones may still be waiting.</summary>
    public bool Ended { get; private set; }

    /// <summary>How much input can wait unread now; it grows up to <c>maxSize</c> (the pool may hand out a larger array, which is not used past it).</summary>
    public int Capacity => Math.Min(_bytes.Length, maxSize);

    /// <summary>Marks <paramref name="count"/> unread bytes as consumed.</summary>
    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _dropped += _end;
            _start = _end = 0;
        }
    }

    /// <summary>Reads more input after the unread bytes; false when none was added: the input ended, or <c>maxSize</c> bytes already wait.</summary>
    public bool Fill()
    {
        if (Ended)
        {
            return false;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_bytes, _start, _bytes, 0, _end - _start);
            _dropped += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == Capacity)
        {
            if (Capacity >= maxSize)
            {
                return false;
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxSize, _bytes.Length * 2L));
            Buffer.BlockCopy(_bytes, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        var read = stream.Read(_bytes, _end, Capacity - _end);
        if (read == 0)
        {
            Ended = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>Gives the array back to the pool; the buffer holds nothing after.</summary>
    public void Dispose()
    {
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
            _start = _end = 0;
        }
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes are unread; false when the input ends, or the limit is reached, first.</summary>
    public bool Ensure(int count)
    {
        while (Count < count)
        {
            if (!Fill())
            {
                return false;
            }
        }

        return true;
    }
}
