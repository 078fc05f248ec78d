using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate profiles show NAME</c>: one import profile's settings and the accounts using it.</summary>
internal static class ProfilesShowCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The profile's name." };
        var data = DataDirectory.CreateOption();
        var command = new Command("show", "Print a profile's settings and the logon IDs that use it.") { name, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var result = await new CatalogAdministration(session.Store, LocalActor.Current).ShowProfileAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            if (result.Value is not { } details)
            {
                return session.Report(result);
            }

            var builtIn = details.BuiltIn ? " (built in, not saved)" : string.Empty;
            session.Out.WriteLine($"{details.Profile.Name}{builtIn}\t{ProfilesCommand.Describe(details.Profile)}");
            session.Out.WriteLine($"used by: {(details.UsedBy.Count == 0 ? "-" : string.Join(", ", details.UsedBy))}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
