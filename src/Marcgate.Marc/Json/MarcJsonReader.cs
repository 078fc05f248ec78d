using System.Text.Json;
using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Json;

/// <summary>Reads MARC-in-JSON one record at a time: a single object, an array of objects, or objects one after another (JSON Lines).</summary>
/// <remarks>
/// Only one record object is held in memory at a time. The JSON must be well-formed (RFC 8259):
/// raw control characters inside strings (marc4j's illegal-marc-in-json.json) are a syntax error in
/// both modes, reported with line and byte, after which reading stops because nothing later can be
/// trusted. Members the format does not define are rejected in strict mode and skipped, with a
/// diagnostic, in lenient mode.
/// </remarks>
public sealed class MarcJsonReader : IMarcRecordReader
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly MarcReaderOptions _options;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private long _bufferOffset;
    private long _line = 1;
    private long _recordNumber;
    private bool _finished;
    private bool _begun;
    private bool _inArray;

    /// <summary>Creates a reader over a stream.</summary>
    public MarcJsonReader(Stream stream, MarcReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? MarcReaderOptions.Default;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Reads every record of a byte array.</summary>
    public static IEnumerable<MarcReadResult> ReadAll(byte[] bytes, MarcReaderOptions? options = null)
    {
        using var reader = new MarcJsonReader(new MemoryStream(bytes, writable: false), options);
        while (reader.Read() is { } result)
        {
            yield return result;
        }
    }

    /// <inheritdoc />
    public MarcReadResult? Read()
    {
        if (_finished)
        {
            return null;
        }

        var diagnostics = new List<MarcDiagnostic>();
        if (!SkipSeparators(diagnostics))
        {
            _finished = true;
            return diagnostics.Count == 0 ? null : new MarcReadResult(null, diagnostics, Math.Max(_recordNumber, 1), _bufferOffset + _start);
        }

        _recordNumber++;
        var recordOffset = _bufferOffset + _start;
        if (_buffer[_start] != (byte)'{')
        {
            return Fail(diagnostics, recordOffset, _line, $"expected '{{' to start a record, found '{(char)_buffer[_start]}'");
        }

        int length;
        while (!TryFindObjectEnd(out length, out var error))
        {
            if (error is not null)
            {
                var (offset, line) = Locate(error);
                // The parser's own "LineNumber: … | BytePositionInLine: …" suffix counts from this record; ours counts from the input.
                var reason = error.Message;
                var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
                return Fail(diagnostics, offset, line, $"the JSON is not well-formed: {(suffix > 0 ? reason[..suffix] : reason)}");
            }

            if (_end - _start > _options.MaxRecordBytes)
            {
                return Fail(diagnostics, recordOffset, _line, $"the record object is longer than the {_options.MaxRecordBytes}-byte limit", MarcDiagnosticIds.LimitExceeded);
            }

            if (!Fill())
            {
                return Fail(diagnostics, _bufferOffset + _end, _line + CountLines(_buffer.AsSpan(_start, _end - _start)), "the input ends inside a record object", MarcDiagnosticIds.UnexpectedEnd);
            }
        }

        var objectBytes = _buffer.AsSpan(_start, length);
        var record = MarcJsonRecordParser.Parse(objectBytes, _options, _recordNumber, recordOffset, diagnostics);
        _line += CountLines(objectBytes);
        Consume(length);
        return new MarcReadResult(record, diagnostics, _recordNumber, recordOffset);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private static long CountLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    private MarcReadResult Fail(List<MarcDiagnostic> diagnostics, long offset, long line, string message, string id = MarcDiagnosticIds.SyntaxError)
    {
        _finished = true;
        diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Error, _recordNumber, offset, $"line {line}: {message}"));
        return new MarcReadResult(null, diagnostics, _recordNumber, offset);
    }

    // Finds where the object at _start ends; false with no error when more input is needed.
    private bool TryFindObjectEnd(out int length, out JsonException? error)
    {
        length = 0;
        error = null;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, default);
        try
        {
            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }

            length = (int)reader.BytesConsumed;
            return true;
        }
        catch (JsonException ex)
        {
            error = ex;
            return false;
        }
    }

    // Turns a reader exception's line and position (relative to _start) into an absolute byte offset and line.
    private (long Offset, long Line) Locate(JsonException error)
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var lineStart = 0;
        for (var i = 0L; i < (error.LineNumber ?? 0); i++)
        {
            var next = span[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return (_bufferOffset + _start + lineStart + (error.BytePositionInLine ?? 0), _line + (error.LineNumber ?? 0));
    }

    // Skips white space, a byte order mark, and the brackets and commas of an array; false at the end of the input.
    private bool SkipSeparators(List<MarcDiagnostic> diagnostics)
    {
        while (true)
        {
            if (_start == _end && (!Fill() || _start == _end))
            {
                if (_inArray)
                {
                    diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.UnexpectedEnd, MarcSeverity.Error, Math.Max(_recordNumber, 1), _bufferOffset + _end, $"line {_line}: the input ends before the array's closing ']'"));
                }

                return false;
            }

            if (!_begun)
            {
                _begun = true;
                if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    Consume(3);
                    continue;
                }
            }

            var b = _buffer[_start];
            switch (b)
            {
                case (byte)'\n':
                    _line++;
                    Consume(1);
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r':
                    Consume(1);
                    break;
                case (byte)'[' when !_inArray && _recordNumber == 0:
                    _inArray = true;
                    Consume(1);
                    break;
                case (byte)',' when _inArray:
                    Consume(1);
                    break;
                case (byte)']' when _inArray:
                    _inArray = false;
                    Consume(1);
                    break;
                default:
                    return true;
            }
        }
    }

    private void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _bufferOffset += _end;
            _start = _end = 0;
        }
    }

    // Reads more input, keeping the unread bytes; false at the end of the input.
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
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return true;
        }

        _end += read;
        return true;
    }
}
