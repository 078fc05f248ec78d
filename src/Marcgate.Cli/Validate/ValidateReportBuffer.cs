using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace Marcgate.Cli.Validate;

/// <summary>A growable UTF-8 buffer that one record batch's report is rendered into, off the writing thread.</summary>
internal sealed class ValidateReportBuffer
{
    private byte[] _bytes;
    private int _length;

    public ValidateReportBuffer(int capacity = 16 * 1024) => _bytes = new byte[capacity];

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public int Length => _length;

    public void Clear() => _length = 0;

    /// <summary>Room for at least <paramref name="count"/> more bytes; commit what was used with <see cref="Advance"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int count)
    {
        if (_bytes.Length - _length < count)
        {
            Grow(count);
        }

        return _bytes.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    /// <summary>A character of a subfield code or the like: one byte when ASCII, else its UTF-8 sequence.</summary>
    public void Write(char c)
    {
        if (c < 0x80)
        {
            Write((byte)c);
            return;
        }

        Span<char> one = [c];
        var span = Reserve(Encoding.UTF8.GetMaxByteCount(1));
        _length += Encoding.UTF8.GetBytes(one, span);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte ascii)
    {
        if (_length < _bytes.Length)
        {
            _bytes[_length++] = ascii;
            return;
        }

        Reserve(1)[0] = ascii;
        _length++;
    }

    /// <summary>Text as UTF-8; a lone surrogate becomes U+FFFD, as the UTF-8 text writer it replaces did.</summary>
    public void Write(string text)
    {
        // Room for the worst case only when the text is not all ASCII, so that buffers grow by what is written.
        var span = Reserve(text.Length);
        if (text.Length <= 8)
        {
            // Ids and tags ("VAL207", "245"): a loop costs less than setting up the vector path.
            var ascii = 0;
            while (ascii < text.Length && text[ascii] < 0x80)
            {
                span[ascii] = (byte)text[ascii];
                ascii++;
            }

            if (ascii == text.Length)
            {
                _length += ascii;
                return;
            }
        }

        if (Ascii.FromUtf16(text, span, out var written) == OperationStatus.Done)
        {
            _length += written;
            return;
        }

        span = Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, span);
    }

    private void Grow(int count)
    {
        var larger = GC.AllocateUninitializedArray<byte>(Math.Max(_bytes.Length * 2, _length + count));
        _bytes.AsSpan(0, _length).CopyTo(larger);
        _bytes = larger;
    }

    public void Write(long number)
    {
        Utf8Formatter.TryFormat(number, Reserve(20), out var written);
        _length += written;
    }

    /// <summary>A number of at least two digits ("08/07").</summary>
    public void WriteTwoDigits(int number)
    {
        if (number is >= 0 and < 10)
        {
            Write((byte)'0');
        }

        Write(number);
    }
}
