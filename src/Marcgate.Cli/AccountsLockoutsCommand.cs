using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate accounts lockouts</c>: the lockouts in force, of logon IDs, addresses and logon IDs at one address (gateway §7 step 1).</summary>
internal static class AccountsLockoutsCommand
{
    public static Command Create()
    {
        var data = DataDirectory.CreateOption();
        var command = new Command("lockouts", "List the lockouts in force: a logon ID (refused from addresses it has not logged on from lately), an address (refused for every logon ID), or a logon ID at one address; 'accounts unlock' lifts them.") { data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var locks = await new AccountAdministration(session.Store, LocalActor.Current).ListLockoutsAsync(DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            if (locks.Count == 0)
            {
                session.Error.WriteLine("No lockouts in force.");
            }

            foreach (var lockout in locks)
            {
                session.Out.WriteLine($"{Describe(lockout.Key)}\tuntil={lockout.Until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Describe(LockoutKey key) => key.Scope switch
    {
        LockoutScope.LogonId => $"logon-id={key.Value}\taddress=*",
        LockoutScope.PeerAddress => $"logon-id=*\taddress={key.Value}",
        _ when key.TryGetLogonIdAndAddress(out var logonId, out var address) => $"logon-id={logonId}\taddress={address}",
        _ => $"key={key.Value}",
    };
}
