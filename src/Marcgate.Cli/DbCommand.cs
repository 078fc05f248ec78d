using System.CommandLine;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;
using Marcgate.Storage.Postgres;

namespace Marcgate.Cli;

/// <summary><c>marcgate db migrate</c>: brings the catalog store's schema up to date without starting the host; <c>db copy</c> is <see cref="DbCopyCommand"/>.</summary>
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
                var selection = CatalogStoreSelection.Resolve(
                    CatalogStoreSelection.StoreOptionValue(parse), CatalogStoreSelection.ReadConfiguration(), parse.GetValue(data) ?? DataDirectory.Default,
                    parse.GetResult(data) is { Implicit: false });
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
        return new Command("db", "The catalog store's database.") { migrate, DbCopyCommand.Create() };
    }
}
