using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Cli;

/// <summary><c>marcgate db copy --from DIR_OR_URL --to DIR_OR_URL</c>: copies a whole catalog store between SQLite and PostgreSQL and verifies the copy.</summary>
internal static class DbCopyCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = "The store to copy: a SQLite data directory, or postgres://user:password@host:port/database (or an Npgsql connection string).",
            Required = true,
        };
        var to = new Option<string>("--to")
        {
            Description = "The store to copy into, named the same way; created if it does not exist, and it must hold nothing the source does not.",
            Required = true,
        };
        var command = new Command("copy", """
            Copy a whole catalog store, SQLite or PostgreSQL, into another: repositories, profiles, accounts with their password hashes,
            records with their ids and every version, receipts and review items (lockout counters, lockouts and known addresses stay behind). Stop the hosts that
            write to the source first. What the target already holds identically is skipped, so running the copy again after an
            interruption completes it; a target holding other or different data is refused before anything is written. The copy is
            then compared item by item and a table of counts printed: exit 0 when it verifies, 1 when the target was refused or
            differs, 2 when a store cannot be opened.
            """)
        {
            from,
            to,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var source = CatalogStoreSelection.FromLocation(parse.GetValue(from)!);
                var target = CatalogStoreSelection.FromLocation(parse.GetValue(to)!);
                if (string.Equals(source.Display, target.Display, StringComparison.Ordinal))
                {
                    error.WriteLine($"marcgate db copy: --from and --to are the same store ({source.Display}).");
                    return ExitCodes.Usage;
                }

                if (!source.Exists)
                {
                    error.WriteLine($"marcgate db copy: {source.Display} holds no catalog ({SqliteCatalogStore.DatabaseFileName}).");
                    return ExitCodes.Usage;
                }

                var sourceStore = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (sourceStore.ConfigureAwait(false))
                {
                    var targetStore = await target.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using (targetStore.ConfigureAwait(false))
                    {
                        var report = await new StoreCopy(sourceStore, targetStore).CopyAsync(cancellationToken).ConfigureAwait(false);
                        return Print(report, source, target, output, error);
                    }
                }
            }
            catch (Exception exception) when (exception is FormatException or CatalogStoreException)
            {
                error.WriteLine($"marcgate db copy: {exception.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static int Print(StoreCopyReport report, CatalogStoreSelection source, CatalogStoreSelection target, TextWriter output, TextWriter error)
    {
        var width = Math.Max("what".Length, report.Counts.Max(c => c.What.Length));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"what".PadRight(width)}  {"source",10}  {"copied",10}"));
        foreach (var count in report.Counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count.What.PadRight(width)}  {count.Source,10}  {count.Copied,10}"));
        }

        switch (report.Outcome)
        {
            case StoreCopyOutcome.Verified:
                output.WriteLine($"verified: {target.Display} holds what {source.Display} holds.");
                return ExitCodes.Ok;
            case StoreCopyOutcome.Refused:
                error.WriteLine($"marcgate db copy: refused, nothing was copied: {target.Display} holds data that {source.Display} does not:");
                foreach (var difference in report.Differences)
                {
                    error.WriteLine($"  {difference}");
                }

                return ExitCodes.RecordErrors;
            default:
                error.WriteLine($"marcgate db copy: the copy does not verify: {report.Differences[0]}.");
                return ExitCodes.RecordErrors;
        }
    }
}
