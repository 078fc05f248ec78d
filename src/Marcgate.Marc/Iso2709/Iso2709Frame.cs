namespace Marcgate.Marc.Iso2709;

/// <summary>One record cut from its input but not yet parsed, so that parsing can run on another thread.</summary>
/// <remarks>Parsing a frame gives exactly what <see cref="Iso2709Reader.Read"/> gives for the same record.</remarks>
public sealed class Iso2709Frame
{
    private readonly ReadOnlyMemory<byte>? _bytes;
    private readonly Iso2709ParseContext _context;
    private bool _parsed;

    internal Iso2709Frame(ReadOnlyMemory<byte>? bytes, Iso2709ParseContext context)
    {
        _bytes = bytes;
        _context = context;
    }

    /// <summary>One-based position of the record in the input.</summary>
    public long RecordNumber => _context.RecordNumber;

    /// <summary>Offset of the record's first byte in the input.</summary>
    public long ByteOffset => _context.RecordOffset;

    /// <summary>True when framing found nothing to report: the record lay where its leader says, with nothing skipped before it.</summary>
    internal bool IsClean => _bytes is not null && _context.Diagnostics.Count == 0;

    /// <summary>The record's bytes as framed; empty when framing already rejected the record.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>Parses the record, with the framing diagnostics first; call once.</summary>
    /// <exception cref="InvalidOperationException">The frame was parsed before.</exception>
    public MarcReadResult Parse() => ParseWith(null);

    /// <summary>Parses the record, with the framing diagnostics first, into records and fields <paramref name="recycler"/> kept; call once.</summary>
    /// <remarks>Its data fields decode their subfields on first use, from <see cref="Bytes"/>: keep those bytes unchanged until the record is given back.</remarks>
    /// <exception cref="InvalidOperationException">The frame was parsed before.</exception>
    internal MarcReadResult Parse(MarcRecordRecycler recycler) => ParseWith(recycler);

    private MarcReadResult ParseWith(MarcRecordRecycler? recycler)
    {
        if (_parsed)
        {
            throw new InvalidOperationException("An ISO 2709 frame is parsed once: its diagnostics are collected as it is parsed.");
        }

        _parsed = true;
        var record = _bytes is not { } bytes ? null
            : recycler is null ? Iso2709RecordParser.Parse(bytes.Span, _context)
            : Iso2709RecordParser.Parse(bytes, _context, recycler);
        return new MarcReadResult(record, _context.Diagnostics, _context.RecordNumber, _context.RecordOffset);
    }
}
