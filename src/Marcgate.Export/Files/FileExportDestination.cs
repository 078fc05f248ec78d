using System.Globalization;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;

namespace Marcgate.Export.Files;

/// <summary>Exports to a file (gateway §6, Export File Type): Single appends every record to one file, Individual writes a file per record.</summary>
/// <remarks>
/// Single adds to an existing export file, as Connexion does: ISO 2709 records after the last one, MARCXML records
/// inside the existing collection. The file is rewritten beside itself and renamed over the old one when the export
/// ends, so an export that fails part way leaves the file as it was. Individual names files
/// <c>stem-00001.ext</c>, <c>stem-00002.ext</c>, … beside the export file name, skipping numbers already
/// taken so an earlier export is never overwritten.
/// </remarks>
public sealed class FileExportDestination : IExportDestination
{
    private readonly string _path;
    private readonly ExportFileType _fileType;
    private readonly IRecordFileFormat _format;
    private AtomicOutputFile? _single;
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
                    var single = AtomicOutputFile.Create(_path);
                    try
                    {
                        await StartSingleAsync(single.Stream, cancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        single.Dispose();
                        throw;
                    }

                    _single = single;
                }

                await _format.WriteAsync(_single.Stream, record, cancellationToken).ConfigureAwait(false);
                return new DeliveryResult(ExportStatus.Written, $"written to {_path}");
            }

            var path = NextIndividualPath();
            using var file = AtomicOutputFile.Create(path);
            await _format.BeginAsync(file.Stream, cancellationToken).ConfigureAwait(false);
            await _format.WriteAsync(file.Stream, record, cancellationToken).ConfigureAwait(false);
            await _format.EndAsync(file.Stream, cancellationToken).ConfigureAwait(false);
            file.Commit(overwrite: false);
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
            using var single = _single;
            _single = null;
            await _format.EndAsync(single.Stream, CancellationToken.None).ConfigureAwait(false);
            single.Commit();
        }
    }

    // A new file starts empty; an existing one is copied first, so that the records are added to it.
    private async Task StartSingleAsync(Stream output, CancellationToken cancellationToken)
    {
        if (new FileInfo(_path) is { Exists: true, Length: > 0 })
        {
            await using var existing = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read);
            await _format.ContinueAsync(output, existing, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _format.BeginAsync(output, cancellationToken).ConfigureAwait(false);
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
