using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate accounts set --logon-id ID [--profile P] [--allow CIDR… | --no-allow]</c>: changes a logon without its password.</summary>
internal static class AccountsSetCommand
{
    public static Command Create()
    {
        var logonId = new Option<string>("--logon-id") { Description = "The logon ID to change.", Required = true };
        var profile = new Option<string?>("--profile") { Description = "The import profile to use from now on." };
        var allow = new Option<string[]>("--allow") { Description = "Peer addresses or CIDR ranges allowed from now on, replacing the list.", AllowMultipleArgumentsPerToken = true };
        var noAllow = new Option<bool>("--no-allow") { Description = "Allow any address from now on." };
        var data = DataDirectory.CreateOption();
        var command = new Command("set", "Change a logon's profile or allowed addresses; its password and repository stay.") { logonId, profile, allow, noAllow, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var allowed = parse.GetValue(allow);
            if (allowed is { Length: > 0 } && parse.GetValue(noAllow))
            {
                return session.Fail(ExitCodes.Usage, "Give --allow or --no-allow, not both.");
            }

            var change = new AccountChange(parse.GetValue(logonId)!)
            {
                ProfileName = parse.GetValue(profile),
                AllowedAddresses = parse.GetValue(noAllow) ? [] : allowed is { Length: > 0 } ? allowed : null,
            };
            return session.Report(await new AccountAdministration(session.Store, LocalActor.Current).ChangeAsync(change, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }
}
