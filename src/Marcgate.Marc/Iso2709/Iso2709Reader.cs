namespace Marcgate.Marc.Iso2709;

/// <summary>Reads ISO 2709 records one at a time from a stream, in bounded memory.</summary>
/// <remarks>
/// A record is taken by its leader length when the record terminator is where the leader says;
/// otherwise (leaders lie, e.g. <c>99999</c> on long records) up to the next 0x1D.
/// </remarks>
public sealed class Iso2709Reader : IDisposable
{
    private readonly Stream _stream;
    private readonly MarcReaderOptions _options;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private long _consumed;
    private long _recordNumber;

    /// <summary>Creates a reader over a stream.</summary>
    public Iso2709Reader(Stream stream, MarcReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? MarcReaderOptions.Default;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Reads every record of a byte array.</summary>
    public static IEnumerable<MarcReadResult> ReadAll(byte[] bytes, MarcReaderOptions? options = null)
    {
        using var reader = new Iso2709Reader(new MemoryStream(bytes, writable: false), options);
        while (reader.Read() is { } result)
        {
            yield return result;
        }
    }

    /// <summary>Reads the next record; null at the end of the input.</summary>
    /// <exception cref="IOException">The underlying stream failed.</exception>
    public MarcReadResult? Read()
    {
        var diagnostics = new List<MarcDiagnostic>();
        SkipJunk(diagnostics);
        if (!Fill(Leader.Length) && _end - _start == 0)
        {
            return null;
        }

        _recordNumber++;
        var recordOffset = _consumed;
        var length = FindRecordLength(diagnostics);
        var bytes = _buffer.AsSpan(_start, length);
        var record = Iso2709RecordParser.Parse(bytes, _options, _recordNumber, recordOffset, diagnostics);
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

    private int FindRecordLength(List<MarcDiagnostic> diagnostics)
    {
        var available = _end - _start;
        var claimed = ParseLength(_buffer.AsSpan(_start, Math.Min(5, available)));
        if (claimed >= Leader.Length && claimed <= _options.MaxRecordBytes && Fill(claimed) && _buffer[_start + claimed - 1] == Iso2709.RecordTerminator)
        {
            return claimed;
        }

        // Leader length is wrong: fall back to the first record terminator.
        var searched = 0;
        while (true)
        {
            var span = _buffer.AsSpan(_start + searched, _end - _start - searched);
            var at = span.IndexOf(Iso2709.RecordTerminator);
            if (at >= 0)
            {
                var found = searched + at + 1;
                diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.RecordLengthMismatch, LeniencySeverity, _recordNumber, _consumed, $"leader/00-04 says {claimed} bytes; the record terminator is at {found}"));
                return found;
            }

            searched = _end - _start;
            if (searched >= _options.MaxRecordBytes || !Fill(searched + 1))
            {
                diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.UnexpectedEnd, LeniencySeverity, _recordNumber, _consumed + searched, "the input ends (or the size limit is reached) before the record terminator 0x1D"));
                return Math.Min(searched, _options.MaxRecordBytes);
            }
        }
    }

    private MarcSeverity LeniencySeverity => _options.Mode == MarcReadMode.Strict ? MarcSeverity.Error : MarcSeverity.Warning;

    private void SkipJunk(List<MarcDiagnostic> diagnostics)
    {
        var skipped = 0;
        var from = _consumed;
        while (Fill(1))
        {
            var b = _buffer[_start];
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                break;
            }

            Consume(1);
            skipped++;
        }

        if (skipped > 0)
        {
            diagnostics.Add(new MarcDiagnostic(MarcDiagnosticIds.BytesSkipped, MarcSeverity.Warning, _recordNumber + 1, from, $"{skipped} byte(s) between records skipped"));
        }
    }

    private static int ParseLength(ReadOnlySpan<byte> digits)
    {
        if (digits.Length < 5)
        {
            return -1;
        }

        var value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }

    private void Consume(int count)
    {
        _start += count;
        _consumed += count;
    }

    // Ensures at least `count` unread bytes are buffered; false when the input ends first.
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

            if (_end == _buffer.Length || count > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, count));
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
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
