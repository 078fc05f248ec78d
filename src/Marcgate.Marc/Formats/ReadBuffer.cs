namespace Marcgate.Marc.Formats;

/// <summary>
/// The unread bytes of a stream, read in large blocks: what the streaming readers frame records from.
/// Consumed bytes are dropped from the front, so memory holds about one record however long the input.
/// </summary>
internal sealed class ReadBuffer(Stream stream, int initialSize, int maxSize)
{
    private byte[] _bytes = new byte[initialSize];
    private int _start;
    private int _end;

    // Bytes of the input that lay before _bytes[0].
    private long _dropped;

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Unread => _bytes.AsSpan(_start, _end - _start);

    /// <summary>How many bytes are read and not yet consumed.</summary>
    public int Count => _end - _start;

    /// <summary>The input's byte offset of the first unread byte.</summary>
    public long Offset => _dropped + _start;

    /// <summary>True once the stream has no more bytes; the unread ones may still be waiting.</summary>
    public bool Ended { get; private set; }

    /// <summary>The capacity: how much input can wait unread at most.</summary>
    public int Capacity => _bytes.Length;

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

        if (_end == _bytes.Length)
        {
            if (_bytes.Length >= maxSize)
            {
                return false;
            }

            Array.Resize(ref _bytes, (int)Math.Min(maxSize, _bytes.Length * 2L));
        }

        var read = stream.Read(_bytes, _end, _bytes.Length - _end);
        if (read == 0)
        {
            Ended = true;
            return false;
        }

        _end += read;
        return true;
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
