using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Formats;

/// <summary>Presents an <see cref="Iso2709Reader"/> as an <see cref="IMarcRecordReader"/>.</summary>
internal sealed class Iso2709RecordReader(Stream stream, MarcReaderOptions options, bool leaveOpen) : IMarcRecordReader
{
    private readonly Iso2709Reader _reader = new(stream, options, leaveOpen);

    public IReadOnlyList<MarcDiagnostic> EndDiagnostics => _reader.EndDiagnostics;

    public MarcReadResult? Read() => _reader.Read();

    public void Dispose() => _reader.Dispose();
}
