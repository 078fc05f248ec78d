using System.Text;

namespace Marcgate.Marc.Mnemonic;

/// <summary>Line framing: bytes to lines with their offset and number, CRLF or LF.</summary>
public sealed partial class MnemonicReader
{
    // True when the next line belongs to the current record: it exists, is not blank and is not a new =LDR.
    private bool TryPeekRecordContinues()
    {
        var length = FindLineEnd(out _);
        if (length < 0 && _start == _end)
        {
            return false;
        }

        var line = _buffer.AsSpan(_start, length < 0 ? _end - _start : length).TrimEnd("\r"u8);
        return line.Length > 0 && !line.StartsWith("=LDR"u8);
    }

    private bool TryReadLine(out Line line)
    {
        var length = FindLineEnd(out var terminator);
        if (length < 0)
        {
            if (_start == _end)
            {
                line = default;
                return false;
            }

            length = _end - _start;
            terminator = 0;
        }

        var bytes = _buffer.AsSpan(_start, length);
        if (bytes.EndsWith("\r"u8))
        {
            bytes = bytes[..^1];
        }

        if (_lineNumber == 0 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        _lineNumber++;
        line = new Line(Encoding.Latin1.GetString(bytes), bytes.ToArray(), _bufferOffset + _start, _lineNumber);
        _start += length + terminator;
        return true;
    }

    // Length of the next line without its LF, or -1 at the end of the input without a final LF.
    private int FindLineEnd(out int terminator)
    {
        terminator = 1;
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return searched + newline;
            }

            searched = _end - _start;
            if (!Fill())
            {
                return -1;
            }
        }
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _options.MaxRecordBytes * 2)
            {
                // A line longer than any record can be: it is cut here rather than grown without bound.
                return false;
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>One line: its text with bytes as Latin-1 chars (for the framing), its raw bytes, offset and number.</summary>
    internal readonly record struct Line(string Text, byte[] Bytes, long Offset, long Number);
}
