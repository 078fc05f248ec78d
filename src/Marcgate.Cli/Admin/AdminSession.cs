using System.CommandLine;
using Marcgate.Catalog.Storage;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Cli.Admin;

/// <summary>One administration command's run: the opened catalog store (SQLite under <c>--data</c>, or the one <c>--store</c> or the configuration names) and the output writers.</summary>
internal sealed class AdminSession(ICatalogStore store, TextWriter output, TextWriter error)
{
    public ICatalogStore Store { get; } = store;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Writes a message to standard error and returns the exit code.</summary>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine(message);
        return exitCode;
    }

    /// <summary>
    /// Opens the command's store (<see cref="CatalogStoreSelection"/>), runs the action, and turns store failures into messages and exit codes.
    /// With <see cref="AdminAccess.Existing"/> and no SQLite catalog in the data directory, it says so and creates nothing.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, Option<string> data, AdminAccess access, CancellationToken cancellationToken, Func<AdminSession, Task<int>> action)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var directory = parse.GetValue(data) ?? DataDirectory.Default;
        CatalogStoreSelection selection;
        try
        {
            selection = CatalogStoreSelection.FromCommandLine(parse, data);
        }
        catch (FormatException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Usage;
        }

        if (access == AdminAccess.Existing && selection.Postgres is null && !File.Exists(Path.Combine(directory, SqliteCatalogStore.DatabaseFileName)))
        {
            var named = parse.GetResult(data) is { Implicit: false } ? $" --data {directory}" : string.Empty;
            error.WriteLine($"no Marcgate catalog in {Path.GetFullPath(directory)} (no {SqliteCatalogStore.DatabaseFileName}); create one with 'marcgate repositories add NAME{named}'.");
            return ExitCodes.Usage;
        }

        try
        {
            await using var store = await selection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await action(new AdminSession(store, output, error)).ConfigureAwait(false);
        }
        catch (CatalogStoreException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Usage;
        }
        catch (UnknownRepositoryException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Usage;
        }
    }
}
