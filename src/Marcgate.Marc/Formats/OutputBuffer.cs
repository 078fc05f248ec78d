using System.Text;

namespace Marcgate.Marc.Formats;

/// <summary>A reused byte buffer in front of a stream: text writers append UTF-8 here and drain it in large writes.</summary>
internal sealed class OutputBuffer(Stream stream, bool leaveOpen) : IDisposable
{
    private const int DrainThreshold = 128 * 1024;
    private byte[] _bytes = new byte[DrainThreshold * 2];
    private int _length;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(byte b)
    {
        Reserve(1);
        _bytes[_length++] = b;
    }

    /// <summary>Appends UTF-16 text as UTF-8; the caller has already removed what must be escaped.</summary>
    public void AppendUtf8(ReadOnlySpan<char> text)
    {
        var span = Reserve(text.Length * 3);
        _length += Encoding.UTF8.GetBytes(text, span);
    }

    /// <summary>A span of at least <paramref name="count"/> free bytes; call <see cref="Advance"/> with what was used.</summary>
    public Span<byte> Reserve(int count)
    {
        if (_bytes.Length - _length < count)
        {
            Drain();
            if (_bytes.Length < count)
            {
                _bytes = new byte[count];
            }
        }

        return _bytes.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    /// <summary>Writes the buffer to the stream once it holds enough to make the write worthwhile.</summary>
    public void DrainIfFull()
    {
        if (_length >= DrainThreshold)
        {
            Drain();
        }
    }

    public void Drain()
    {
        stream.Write(_bytes, 0, _length);
        _length = 0;
    }

    public void Flush()
    {
        Drain();
        stream.Flush();
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
