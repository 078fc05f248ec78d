using System.Text;

namespace Marcgate.Marc.Mnemonic;

/// <summary>Line framing: bytes to lines with their offset and number, CRLF or LF.</summary>
public sealed partial class MnemonicReader
{
    // True when the next line belongs to the current record: it exists, is not blank and is not a new =LDR.
    private bool TryPeekRecordContinues()
    {
        var length = FindLineEnd(out _);
        if (length < 0 && _buffer.Count == 0)
        {
            return false;
        }

        var line = _buffer.Unread[..(length < 0 ? _buffer.Count : length)].TrimEnd("\r"u8);
        return line.Length > 0 && !line.StartsWith("=LDR"u8);
    }

    private bool TryReadLine(out Line line)
    {
        var length = FindLineEnd(out var terminator);
        if (length < 0)
        {
            if (_buffer.Count == 0)
            {
                line = default;
                return false;
            }

            length = _buffer.Count;
            terminator = 0;
        }

        var bytes = _buffer.Unread[..length];
        if (bytes.EndsWith("\r"u8))
        {
            bytes = bytes[..^1];
        }

        if (_lineNumber == 0 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        _lineNumber++;
        line = new Line(Encoding.Latin1.GetString(bytes), bytes.ToArray(), _buffer.Offset, _lineNumber);
        _buffer.Consume(length + terminator);
        return true;
    }

    // Length of the next line without its LF, or -1 at the end of the input without a final LF.
    private int FindLineEnd(out int terminator)
    {
        terminator = 1;
        var searched = 0;
        while (true)
        {
            var newline = _buffer.Unread[searched..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return searched + newline;
            }

            searched = _buffer.Count;
            if (!_buffer.Fill())
            {
                return -1;
            }
        }
    }

    /// <summary>One line: its text with bytes as Latin-1 chars (for the framing), its raw bytes, offset and number.</summary>
    internal readonly record struct Line(string Text, byte[] Bytes, long Offset, long Number);
}
