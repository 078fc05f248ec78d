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
    private readonly ReadBuffer _buffer;
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

        // Twice the record limit: the limit check below sees an over-long object before the buffer stops growing.
        _buffer = new ReadBuffer(stream, 64 * 1024, Math.Max(64 * 1024, 2 * _options.MaxRecordBytes));
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
            return diagnostics.Count == 0 ? null : new MarcReadResult(null, diagnostics, Math.Max(_recordNumber, 1), _buffer.Offset);
        }

        _recordNumber++;
        var recordOffset = _buffer.Offset;
        if (_buffer.Unread[0] != (byte)'{')
        {
            return Fail(diagnostics, recordOffset, _line, $"expected '{{' to start a record, found '{(char)_buffer.Unread[0]}'");
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

            if (_buffer.Count > _options.MaxRecordBytes)
            {
                return Fail(diagnostics, recordOffset, _line, $"the record object is longer than the {_options.MaxRecordBytes}-byte limit", MarcDiagnosticIds.LimitExceeded);
            }

            if (_buffer.Ended)
            {
                return Fail(diagnostics, _buffer.Offset + _buffer.Count, _line + CountLines(_buffer.Unread), "the input ends inside a record object", MarcDiagnosticIds.UnexpectedEnd);
            }

            // A read that finds the end of the input still counts: the object is then parsed as the final block.
            _buffer.Fill();
        }

        var objectBytes = _buffer.Unread[..length];
        var record = MarcJsonRecordParser.Parse(objectBytes, _options, _recordNumber, recordOffset, diagnostics);
        _line += CountLines(objectBytes);
        Consume(length);
        return new MarcReadResult(record, diagnostics, _recordNumber, recordOffset);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _buffer.Dispose();
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

    // Finds where the object at the first unread byte ends; false with no error when more input is needed.
    private bool TryFindObjectEnd(out int length, out JsonException? error)
    {
        length = 0;
        error = null;
        var reader = new Utf8JsonReader(_buffer.Unread, _buffer.Ended, default);
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

    // Turns a reader exception's line and position (relative to the first unread byte) into an absolute byte offset and line.
    private (long Offset, long Line) Locate(JsonException error)
    {
        var span = _buffer.Unread;
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

        return (_buffer.Offset + lineStart + (error.BytePositionInLine ?? 0), _line + (error.LineNumber ?? 0));
    }

    // Skips white space, a byte order mark, and the brackets and commas of an array; false at the end of the input.
    private bool SkipSeparators(List<MarcDiagnostic> diagnostics)
    {
        while (true)
        {
            if (_buffer.Count == 0 && !_buffer.Fill())
            {
                if (_inArray)
                {
                    diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.UnexpectedEnd, MarcSeverity.Error, Math.Max(_recordNumber, 1), _buffer.Offset + _buffer.Count, $"line {_line}: the input ends before the array's closing ']'"));
                }

                return false;
            }

            if (!_begun)
            {
                _begun = true;
                if (_buffer.Unread.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    Consume(3);
                    continue;
                }
            }

            var b = _buffer.Unread[0];
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

    private void Consume(int count) => _buffer.Consume(count);
}
