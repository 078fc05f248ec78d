using Marcgate.Export.Pipeline;
using Marcgate.Marc.Xml;

namespace Marcgate.Export.Files;

/// <summary>MARCXML export files: one <c>collection</c> per file (MARCXML is Unicode whatever the export character set).</summary>
public sealed class MarcXmlFileFormat : IRecordFileFormat
{
    private MarcXmlWriter? _writer;

    /// <inheritdoc />
    public bool CanAppend => false;

    /// <inheritdoc />
    public Task BeginAsync(Stream stream, CancellationToken cancellationToken)
    {
        _writer = new MarcXmlWriter(stream, leaveOpen: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteAsync(Stream stream, PreparedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        (_writer ?? throw new InvalidOperationException("BeginAsync first.")).Write(record.Record);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task EndAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            _writer.Complete();
            _writer.Dispose();
            _writer = null;
        }

        return Task.CompletedTask;
    }
}
