using Marcgate.Export.Pipeline;

namespace Marcgate.Export.Files;

/// <summary>ISO 2709 export files: records back to back, nothing before or after.</summary>
public sealed class Iso2709FileFormat : IRecordFileFormat
{
    /// <inheritdoc />
    public bool CanAppend => true;

    /// <inheritdoc />
    public Task BeginAsync(Stream stream, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ContinueAsync(Stream stream, Stream existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return existing.CopyToAsync(stream, cancellationToken);
    }

    /// <inheritdoc />
    public Task WriteAsync(Stream stream, PreparedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(record);
        return stream.WriteAsync(record.Iso2709, cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public Task EndAsync(Stream stream, CancellationToken cancellationToken) => Task.CompletedTask;
}
