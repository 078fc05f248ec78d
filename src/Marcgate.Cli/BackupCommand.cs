using System.CommandLine;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Cli;

/// <summary><c>marcgate backup --to FILE</c>: a consistent copy of the SQLite catalog, taken while the host runs.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "The backup file; written beside itself under a temporary name and renamed when complete", Required = true };
        var data = DataDirectory.CreateOption();
        var command = new Command(
            "backup",
            "Copy the SQLite catalog (DIR/marcgate.db) to FILE while hosts keep importing; the copy opens as a data directory's marcgate.db.\n"
            + "A PostgreSQL store is backed up with pg_dump.")
        {
            to,
            data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var selection = CatalogStoreSelection.FromCommandLine(parse, data);
                if (selection.Postgres is { } postgres)
                {
                    error.WriteLine($"marcgate backup: the catalog store is PostgreSQL; back it up with pg_dump: pg_dump -Fc -f marcgate.dump '{postgres.Display}' (README.md, Import and backup).");
                    return ExitCodes.Usage;
                }

                var file = parse.GetValue(to)!;
                await SqliteCatalogBackup.BackupAsync(selection.DataDirectory!, file, cancellationToken).ConfigureAwait(false);
                output.WriteLine($"Backed up {Path.Combine(selection.DataDirectory!, SqliteCatalogStore.DatabaseFileName)} to {Path.GetFullPath(file)}.");
                return ExitCodes.Ok;
            }
            catch (Exception exception) when (exception is FormatException or CatalogStoreException)
            {
                error.WriteLine($"marcgate backup: {exception.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
