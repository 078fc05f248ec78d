using Marcgate.Export.Pipeline;

namespace Marcgate.Export.Files;

/// <summary>How records are laid out in an export file (ISO 2709 or MARCXML).</summary>
public interface IRecordFileFormat
{
    /// <summary>True when records can be added to an existing file by writing after its last byte (ISO 2709); false when a file is one document (MARCXML).</summary>
    bool CanAppend { get; }

    /// <summary>Writes whatever opens a file (a MARCXML collection start tag); nothing for ISO 2709.</summary>
    Task BeginAsync(Stream stream, CancellationToken cancellationToken);

    /// <summary>Copies an existing export file to <paramref name="stream"/> so that the records written next are added to it, inside its MARCXML collection.</summary>
    /// <exception cref="IOException">The existing file cannot be read, or is not a file of this format.</exception>
    Task ContinueAsync(Stream stream, Stream existing, CancellationToken cancellationToken);

    /// <summary>Writes one record.</summary>
    Task WriteAsync(Stream stream, PreparedRecord record, CancellationToken cancellationToken);

    /// <summary>Writes whatever closes a file.</summary>
    Task EndAsync(Stream stream, CancellationToken cancellationToken);
}
