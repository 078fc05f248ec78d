using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;
using Marcgate.Export.Files;
using Marcgate.Marc.Formats;

namespace Marcgate.Cli;

/// <summary><c>marcgate records export --repository R --format F -o FILE</c>: every record of a repository in one file, all or nothing.</summary>
internal static class RecordsExportCommand
{
    public static Command Create()
    {
        var repository = new Option<string>("--repository") { Description = "The repository.", Required = true };
        var format = new Option<string>("--format") { Description = "iso2709 (the default), marcxml, json (MARC-in-JSON) or mrk.", DefaultValueFactory = _ => "iso2709" };
        format.AcceptOnlyFromAmong([.. MarcFormats.Names]);
        var output = new Option<string>("--output", "-o") { Description = "The file to write; it appears only once complete (written beside it, then renamed).", Required = true };
        var data = DataDirectory.CreateOption();
        var command = new Command("export", "Write the current version of every record of a repository, ordered by identifier, to a file.") { repository, format, output, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            MarcFormats.TryParse(parse.GetValue(format), out var marcFormat);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            if (Path.GetDirectoryName(path) is { } directory && !Directory.Exists(directory))
            {
                return session.Fail(ExitCodes.Usage, $"{path}: the export was not written: the directory {directory} does not exist");
            }

            try
            {
                // Never a partial file: the export is written beside the target and renamed over it only when complete.
                using var file = AtomicOutputFile.Create(path);
                var result = await new RecordExport(session.Store).ExportAsync(parse.GetValue(repository)!, marcFormat, file.Stream, cancellationToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    file.Commit();
                    result = result with { Message = $"{result.Message} Wrote {path}." };
                }

                return session.Report(result);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return session.Fail(ExitCodes.Usage, $"{path}: the export was not written: {error.Message}");
            }
        }));
        return command;
    }
}
