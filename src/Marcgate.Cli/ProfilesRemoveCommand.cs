using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate profiles remove NAME</c>: removes a saved profile no account uses.</summary>
internal static class ProfilesRemoveCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The profile's name." };
        var data = DataDirectory.CreateOption();
        var command = new Command("remove", "Remove a saved profile; refused while an account uses it (the refusal names them).") { name, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
            session.Report(await new CatalogAdministration(session.Store, LocalActor.Current).RemoveProfileAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false))));
        return command;
    }
}
