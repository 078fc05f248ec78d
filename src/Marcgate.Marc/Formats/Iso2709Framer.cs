using System.Runtime.CompilerServices;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Formats;

/// <summary>
/// Cuts ISO 2709 input into records by their leader lengths for as long as the input is clean: each
/// leader length five digits and the record terminator exactly where it says. At the first thing
/// that is not, it stops; the full <see cref="Iso2709Reader"/> then applies its recovery and diagnostics.
/// </summary>
internal sealed class Iso2709Framer(Stream stream, int maxRecordBytes)
{
    private byte[] _buffer = new byte[256 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private int _current;

    /// <summary>Byte offset of the next record (or of the rest handed over).</summary>
    public long Offset { get; private set; }

    /// <summary>Records framed so far, the last one included.</summary>
    public long RecordNumber { get; private set; }

    /// <summary>True when the input ended cleanly; false when the rest must go to the full reader.</summary>
    public bool AtEnd => _start == _end && _eof;

    /// <summary>The next clean record, or an empty span when the input ended or must be handed over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Next()
    {
        Offset += _current;
        _start += _current;
        _current = 0;
        if (!Fill(5))
        {
            return [];
        }

        var length = 0;
        foreach (var b in _buffer.AsSpan(_start, 5))
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return [];
            }

            length = (length * 10) + (b - '0');
        }

        if (length < Leader.Length + 2 || length > maxRecordBytes || !Fill(length) || _buffer[_start + length - 1] != 0x1D)
        {
            return [];
        }

        _current = length;
        RecordNumber++;
        return _buffer.AsSpan(_start, length);
    }

    private bool Fill(int count)
    {
        while (_end - _start < count)
        {
            if (_eof)
            {
                return false;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (count > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
            }

            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                return _end - _start >= count;
            }

            _end += read;
        }

        return true;
    }
}
