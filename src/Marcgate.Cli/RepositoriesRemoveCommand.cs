using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate repositories remove NAME [--force]</c>: removes a repository no account writes to.</summary>
internal static class RepositoriesRemoveCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The repository's name." };
        var force = new Option<bool>("--force") { Description = "Remove it even though it holds records; they and their history go with it (receipts stay)." };
        var data = DataDirectory.CreateOption();
        var command = new Command("remove", "Remove a repository; refused while accounts write to it (the refusal names them) and, without --force, while it holds records.") { name, force, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
            session.Report(await new CatalogAdministration(session.Store, LocalActor.Current).RemoveRepositoryAsync(parse.GetValue(name)!, parse.GetValue(force), cancellationToken).ConfigureAwait(false))));
        return command;
    }
}
