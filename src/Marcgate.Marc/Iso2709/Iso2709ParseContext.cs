namespace Marcgate.Marc.Iso2709;

/// <summary>Collects the diagnostics of one record; in strict mode every recovery counts as an error.</summary>
internal sealed class Iso2709ParseContext
{
    private readonly MarcReaderOptions _options;
    private List<MarcDiagnostic>? _diagnostics;

    public Iso2709ParseContext(MarcReaderOptions options, long recordNumber, long recordOffset, List<MarcDiagnostic>? diagnostics = null)
    {
        _options = options;
        RecordNumber = recordNumber;
        RecordOffset = recordOffset;
        _diagnostics = diagnostics;
    }

    public long RecordNumber { get; }

    /// <summary>Offset of the record's first byte in the input; diagnostics add their in-record offset to it.</summary>
    public long RecordOffset { get; }

    public MarcReaderOptions Options => _options;

    /// <summary>Names bytes of this record for a message, e.g. "bytes 12-16 of the record at offset 208".</summary>
    public string Bytes(long first, long last) =>
        first == last ? $"byte {first} of the record at offset {RecordOffset}" : $"bytes {first}-{last} of the record at offset {RecordOffset}";

    public bool IsStrict => _options.Mode == MarcReadMode.Strict;

    public int ErrorCount { get; private set; }

    public IReadOnlyList<MarcDiagnostic> Diagnostics => (IReadOnlyList<MarcDiagnostic>?)_diagnostics ?? [];

    /// <summary>Data was lost or is wrong: strict and lenient both report an error.</summary>
    public void Error(string id, long offsetInRecord, string message) => AddAbsolute(id, MarcSeverity.Error, RecordOffset + offsetInRecord, message);

    /// <summary>Recovered without loss: a warning when lenient, an error when strict (principle: leniency is a named mode).</summary>
    public void Warn(string id, long offsetInRecord, string message) => AddAbsolute(id, IsStrict ? MarcSeverity.Error : MarcSeverity.Warning, RecordOffset + offsetInRecord, message);

    public void AddAbsolute(string id, MarcSeverity severity, long absoluteOffset, string message)
    {
        if (severity == MarcSeverity.Error)
        {
            ErrorCount++;
        }

        (_diagnostics ??= []).Add(new MarcDiagnostic(id, severity, RecordNumber, absoluteOffset, message));
    }
}
