using Marcgate.Export.Pipeline;
using Marcgate.Marc.Xml;

namespace Marcgate.Export.Files;

/// <summary>MARCXML export files: one <c>collection</c> per file, to which later exports add records (MARCXML is Unicode whatever the export character set).</summary>
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
    /// <remarks>Everything before the collection's end tag is copied; the records written next go inside the collection.</remarks>
    public async Task ContinueAsync(Stream stream, Stream existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(existing);
        var end = await FindCollectionEndAsync(existing, cancellationToken).ConfigureAwait(false);
        existing.Position = 0;
        var buffer = new byte[1 << 16];
        var left = end;
        while (left > 0)
        {
            var read = await existing.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the existing export file changed while it was read");
            }

            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            left -= read;
        }

        _writer = MarcXmlWriter.ContinueCollection(stream, leaveOpen: true);
    }

    // The offset of the last "</collection>", which may only be followed by white space.
    private static async Task<long> FindCollectionEndAsync(Stream existing, CancellationToken cancellationToken)
    {
        var tail = new byte[(int)Math.Min(existing.Length, 4096)];
        existing.Position = existing.Length - tail.Length;
        await existing.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        var at = tail.AsSpan().LastIndexOf("</collection>"u8);
        if (at < 0 || tail.AsSpan(at + "</collection>"u8.Length).Trim(" \t\r\n"u8).Length > 0)
        {
            throw new IOException("the existing file does not end with a MARCXML </collection>; records cannot be added to it");
        }

        return existing.Length - tail.Length + at;
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
