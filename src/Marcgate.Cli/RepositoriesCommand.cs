using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate repositories add NAME | list</c>: the catalogs records are imported into (gateway §7 step 1).</summary>
internal static class RepositoriesCommand
{
    public static Command Create()
    {
        var command = new Command("repositories", "Add and list repositories (catalogs such as a Network Zone, an Institution Zone or a sandbox).");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(RepositoriesRemoveCommand.Create());
        return command;
    }

    private static Command CreateAdd()
    {
        var name = new Argument<string>("NAME") { Description = "The repository's name, e.g. NETWORK (letters, digits, '_', '-' and '.'; up to 64)." };
        var data = DataDirectory.CreateOption();
        var command = new Command("add", "Add a repository.") { name, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Setup, cancellationToken, async session =>
            session.Report(await new CatalogAdministration(session.Store, LocalActor.Current).AddRepositoryAsync(parse.GetValue(name)!, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))));
        return command;
    }

    private static Command CreateList()
    {
        var data = DataDirectory.CreateOption();
        var command = new Command("list", "List the repositories with their record counts.") { data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var repositories = await session.Store.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false);
            if (repositories.Count == 0)
            {
                session.Error.WriteLine("No repositories yet; add one with 'marcgate repositories add NAME'.");
            }

            foreach (var repository in repositories)
            {
                var count = await session.Store.CountRecordsAsync(repository.Name, cancellationToken).ConfigureAwait(false);
                session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repository.Name}\t{count} records\tcreated {repository.Created:yyyy-MM-dd HH:mm:ss}Z"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
