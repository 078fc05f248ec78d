using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;
using Marcgate.Storage.Postgres;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Cli;

/// <summary>
/// <c>marcgate db migrate</c>: brings the catalog store's schema up to date without starting the host; <c>db check</c>: the full
/// integrity check of a SQLite catalog; <c>db copy</c> is <see cref="DbCopyCommand"/>.
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var data = DataDirectory.CreateOption();
        var migrate = new Command("migrate", """
            Bring the catalog store's schema up to date: runs the numbered migrations the database has not run yet, once,
            even with several hosts starting at once (serve and every command also do this when they open the store).
            PostgreSQL with --store postgres://user:password@host:port/database; SQLite under --data otherwise.
            """)
        {
            data,
        };
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var selection = CatalogStoreSelection.FromCommandLine(parse, data);
                if (selection.Postgres is { } postgres)
                {
                    var applied = await PostgresCatalogStore.MigrateAsync(postgres, cancellationToken).ConfigureAwait(false);
                    output.WriteLine(applied.Count == 0
                        ? $"{postgres.Display}: schema up to date (version {PostgresCatalogStore.SchemaVersion})."
                        : $"{postgres.Display}: applied {string.Join(", ", applied)}; schema at version {PostgresCatalogStore.SchemaVersion}.");
                }
                else
                {
                    // The SQLite store migrates as it opens.
                    await (await selection.OpenAsync(cancellationToken).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
                    output.WriteLine($"{selection.Display}: schema up to date.");
                }

                return ExitCodes.Ok;
            }
            catch (Exception exception) when (exception is FormatException or CatalogStoreException)
            {
                error.WriteLine($"marcgate db migrate: {exception.Message}");
                return ExitCodes.Usage;
            }
        });
        return new Command("db", "The catalog store's database.") { migrate, CreateCheck(), DbCopyCommand.Create() };
    }

    private static Command CreateCheck()
    {
        var data = DataDirectory.CreateOption();
        var check = new Command("check", """
            Check the SQLite catalog (DIR/marcgate.db) with SQLite's full PRAGMA integrity_check, which beyond the quick_check that
            serve and every command run as they open the catalog also compares each index with its table. Hosts may keep running.
            Prints what it found (up to 100 lines) and exits 2 when the file is damaged.
            """)
        {
            data,
        };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var selection = CatalogStoreSelection.FromCommandLine(parse, data);
                if (selection.Postgres is { } postgres)
                {
                    error.WriteLine($"marcgate db check: the catalog store is PostgreSQL ({postgres.Display}), which checks its own pages; use PostgreSQL's amcheck extension or pg_amcheck.");
                    return ExitCodes.Usage;
                }

                var path = Path.Combine(selection.DataDirectory!, SqliteCatalogStore.DatabaseFileName);
                var started = Stopwatch.GetTimestamp();
                var findings = await SqliteCatalogStore.CheckIntegrityAsync(selection.DataDirectory!, cancellationToken).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (findings.Count == 0)
                {
                    var size = new FileInfo(path).Length;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: ok (PRAGMA integrity_check of {size:N0} bytes in {elapsed:0.00} s)."));
                    return ExitCodes.Ok;
                }

                var more = findings.Count >= SqliteCatalogStore.MaxIntegrityFindings ? "; there may be more" : string.Empty;
                error.WriteLine($"marcgate db check: {path} failed PRAGMA integrity_check ({findings.Count} {(findings.Count == 1 ? "finding" : "findings")}{more}):");
                foreach (var finding in findings)
                {
                    error.WriteLine("  " + finding);
                }

                error.WriteLine($"Stop every host using it, then restore the latest copy that 'marcgate backup' made (copy it over {path}), or move it aside, "
                    + "with its -wal and -shm files if any, to start an empty catalog. Keep the damaged file: sqlite3's .recover command may rescue records from it.");
                return ExitCodes.Usage;
            }
            catch (Exception exception) when (exception is FormatException or CatalogStoreException)
            {
                error.WriteLine($"marcgate db check: {exception.Message}");
                return ExitCodes.Usage;
            }
        });
        return check;
    }
}
