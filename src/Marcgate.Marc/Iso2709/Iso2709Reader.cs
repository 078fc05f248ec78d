using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Iso2709;

/// <summary>Reads ISO 2709 records one at a time from a stream, holding one record in memory.</summary>
/// <remarks>
/// A record is taken by its leader length when the record terminator is where the leader says;
/// otherwise (leaders lie, e.g. <c>99999</c> on long records) up to the next 0x1D. Bytes that cannot
/// start a record (0x1A, newlines, spaces, a lone 0x1D) are skipped with a diagnostic.
/// </remarks>
public sealed partial class Iso2709Reader : IMarcRecordReader
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly MarcReaderOptions _options;
    private readonly bool _leaveOpen;
    private readonly ReadBuffer _buffer;

    // Bytes of the record ReadFrameInPlace handed out, still in the buffer until the next read.
    private int _lent;
    private long _recordNumber;
    private List<MarcDiagnostic>? _endDiagnostics;

    /// <summary>Creates a reader over a stream.</summary>
    public Iso2709Reader(Stream stream, MarcReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? MarcReaderOptions.Default;
        _leaveOpen = leaveOpen;
        // No limit of its own: framing bounds every read by the record size limit (Iso2709Reader.Framing.cs).
        _buffer = new ReadBuffer(stream, InitialBufferSize, int.MaxValue);
    }

    /// <summary>Problems found after the last record (trailing junk, a truncated leader); complete once <see cref="Read"/> returned null.</summary>
    public IReadOnlyList<MarcDiagnostic> EndDiagnostics => (IReadOnlyList<MarcDiagnostic>?)_endDiagnostics ?? [];

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesConsumed => _buffer.Offset;

    // For tests: the read buffer never grows past what one record needs.
    internal int BufferCapacity => _buffer.Capacity;

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
        if (Next() is not { } context)
        {
            return null;
        }

        var length = Frame(context);
        if (length < 0)
        {
            return new MarcReadResult(null, context.Diagnostics, _recordNumber, context.RecordOffset);
        }

        var record = Iso2709RecordParser.Parse(_buffer.Unread[..length], context);
        Consume(length);
        return new MarcReadResult(record, context.Diagnostics, _recordNumber, context.RecordOffset);
    }

    /// <summary>Cuts the next record from the input without parsing it (see <see cref="Iso2709Frame.Parse()"/>); null at the end of the input.</summary>
    /// <remarks>Frames come in input order; <see cref="EndDiagnostics"/> is complete once this returned null.</remarks>
    /// <exception cref="IOException">The underlying stream failed.</exception>
    public Iso2709Frame? ReadFrame() => NextFrame(static length => new byte[length]);

    /// <summary>As <see cref="ReadFrame()"/>, but the record's bytes are copied into memory that <paramref name="store"/> gives for a length, instead of a new array.</summary>
    /// <remarks>For readers that keep frames in a buffer of their own and reuse it once the frames are parsed.</remarks>
    /// <exception cref="ArgumentException"><paramref name="store"/> gave less memory than asked for.</exception>
    /// <exception cref="IOException">The underlying stream failed.</exception>
    public Iso2709Frame? ReadFrame(Func<int, Memory<byte>> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return NextFrame(store);
    }

    /// <summary>As <see cref="ReadFrame()"/>, but the frame's bytes stay in the read buffer: use them before the next read.</summary>
    /// <remarks>For bulk conversion, which writes most records straight from their bytes and would only copy them to drop them.</remarks>
    internal Iso2709Frame? ReadFrameInPlace() => NextFrame(store: null);

    // Frames the next record; its bytes are copied into what store gives, or lent in place when store is null.
    private Iso2709Frame? NextFrame(Func<int, Memory<byte>>? store)
    {
        if (Next() is not { } context)
        {
            return null;
        }

        var length = Frame(context);
        if (length < 0)
        {
            return new Iso2709Frame(null, context);
        }

        if (store is null)
        {
            _lent = length;
            return new Iso2709Frame(_buffer.UnreadMemory[..length], context);
        }

        var memory = store(length);
        if (memory.Length < length)
        {
            throw new ArgumentException($"the frame store gave {memory.Length} byte(s) for a record of {length}", nameof(store));
        }

        var bytes = memory[..length];
        _buffer.Unread[..length].CopyTo(bytes.Span);
        Consume(length);
        return new Iso2709Frame(bytes, context);
    }

    // Skips what lies between records and starts the next one's diagnostics; null at the end of the input.
    private Iso2709ParseContext? Next()
    {
        // The record lent in place by the last read is done with now.
        Consume(_lent);
        _lent = 0;
        var junkOffset = _buffer.Offset;
        var junk = SkipJunk();
        if (!_buffer.Ensure(Leader.Length))
        {
            if (_buffer.Count == 0)
            {
                ReportEndJunk(junkOffset, junk);
                return null;
            }

            // Fewer than 24 bytes remain: a cut-off record when they begin like a leader, otherwise junk.
            var rest = _buffer.Unread;
            if (rest.Length < 5 || Iso2709.ParseDigits(rest[..5]) < 0)
            {
                junk = junk is null ? Describe(rest) : junk + ", " + Describe(rest);
                Consume(rest.Length);
                ReportEndJunk(junkOffset, junk);
                return null;
            }
        }

        _recordNumber++;
        var context = new Iso2709ParseContext(_options, _recordNumber, _buffer.Offset);
        if (junk is not null)
        {
            context.AddAbsolute(MarcDiagnosticIds.BytesSkipped, Severity, junkOffset, $"skipped before record {_recordNumber}: {junk}");
        }

        return context;
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

    private MarcSeverity Severity => _options.Mode == MarcReadMode.Strict ? MarcSeverity.Error : MarcSeverity.Warning;

    private void ReportEndJunk(long offset, string? junk)
    {
        if (junk is not null)
        {
            (_endDiagnostics ??= []).Add(new MarcDiagnostic(MarcDiagnosticIds.BytesSkipped, Severity, _recordNumber, offset, $"skipped after record {_recordNumber}, the last: {junk}"));
        }
    }

    private void Consume(int count) => _buffer.Consume(count);
}
