using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate accounts unlock --logon-id ID [--address IP…]</c>: lifts lockouts and forgets failed logons.</summary>
internal static class AccountsUnlockCommand
{
    public static Command Create()
    {
        var logonId = new Option<string>("--logon-id") { Description = "The locked-out logon ID.", Required = true };
        var address = new Option<string[]>("--address") { Description = "Also lift the lockouts of the logon ID at these peer addresses and of the addresses themselves (which count the failures of every logon ID from there).", AllowMultipleArgumentsPerToken = true };
        var data = DataDirectory.CreateOption();
        var command = new Command("unlock", "Lift a logon's lockouts and forget its failed logons; every running host on the same store sees it at once.") { logonId, address, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
            session.Report(await new AccountAdministration(session.Store, LocalActor.Current).UnlockAsync(parse.GetValue(logonId)!, parse.GetValue(address) ?? [], cancellationToken).ConfigureAwait(false))));
        return command;
    }
}
