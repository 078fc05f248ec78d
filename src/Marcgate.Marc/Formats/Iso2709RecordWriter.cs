using System.Buffers;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Formats;

/// <summary>Writes ISO 2709 records to a stream through one reused buffer.</summary>
internal sealed class Iso2709RecordWriter(Stream stream, bool leaveOpen) : IMarcRecordWriter
{
    private const int FlushThreshold = 256 * 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);

    public void Write(MarcRecord record, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0)
    {
        Iso2709Writer.Write(record, _buffer);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            Drain();
        }
    }

    public void Complete()
    {
        Drain();
        stream.Flush();
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private void Drain()
    {
        stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
