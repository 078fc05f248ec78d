using System.Globalization;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;

namespace Marcgate.Export.Files;

/// <summary>Exports to a file (gateway §6, Export File Type): Single appends every record to one file, Individual writes a file per record.</summary>
/// <remarks>
/// Single appends ISO 2709, as Connexion adds to an existing export file; a MARCXML file is one
/// document, so Single replaces it. Individual names files
/// <c>stem-00001.ext</c>, <c>stem-00002.ext</c>, … beside the export file name, skipping numbers already
/// taken so an earlier export is never overwritten.
/// </remarks>
public sealed class FileExportDestination : IExportDestination
{
    private readonly string _path;
    private readonly ExportFileType _fileType;
    private readonly IRecordFileFormat _format;
    private FileStream? _single;
    private int _nextNumber = 1;

    /// <summary>Creates the destination.</summary>
    public FileExportDestination(string path, ExportFileType fileType, IRecordFileFormat format)
    {
        _path = Path.GetFullPath(path);
        _fileType = fileType;
        _format = format;
    }

    /// <inheritdoc />
    public async Task<DeliveryResult> DeliverAsync(PreparedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            if (_fileType == ExportFileType.Single)
            {
                if (_single is null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                    _single = new FileStream(_path, _format.CanAppend ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
                    await _format.BeginAsync(_single, cancellationToken).ConfigureAwait(false);
                }

                await _format.WriteAsync(_single, record, cancellationToken).ConfigureAwait(false);
                await _single.FlushAsync(cancellationToken).ConfigureAwait(false);
                return new DeliveryResult(ExportStatus.Written, $"written to {_path}");
            }

            var path = NextIndividualPath();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await _format.BeginAsync(file, cancellationToken).ConfigureAwait(false);
            await _format.WriteAsync(file, record, cancellationToken).ConfigureAwait(false);
            await _format.EndAsync(file, cancellationToken).ConfigureAwait(false);
            return new DeliveryResult(ExportStatus.Written, $"written to {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DeliveryResult(ExportStatus.Failed, $"cannot write the export file: {e.Message}");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_single is not null)
        {
            await _format.EndAsync(_single, CancellationToken.None).ConfigureAwait(false);
            await _single.DisposeAsync().ConfigureAwait(false);
            _single = null;
        }
    }

    private string NextIndividualPath()
    {
        var directory = Path.GetDirectoryName(_path)!;
        var stem = Path.GetFileNameWithoutExtension(_path);
        var extension = Path.GetExtension(_path);
        while (true)
        {
            var candidate = Path.Combine(directory, $"{stem}-{_nextNumber.ToString("D5", CultureInfo.InvariantCulture)}{extension}");
            _nextNumber++;
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }
}
