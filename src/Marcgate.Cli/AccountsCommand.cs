using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Import;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate accounts add | list | passwd | remove | set | unlock | lockouts</c>: the gateway logons (gateway §3.1, §7 step 1).</summary>
internal static class AccountsCommand
{
    public static Command Create()
    {
        var command = new Command("accounts", "Manage gateway logons: each logon ID writes one repository with one import profile. Passwords are stored as PBKDF2-SHA256 hashes and never printed.");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreatePasswd());
        command.Subcommands.Add(CreateRemove());
        command.Subcommands.Add(AccountsSetCommand.Create());
        command.Subcommands.Add(AccountsUnlockCommand.Create());
        command.Subcommands.Add(AccountsLockoutsCommand.Create());
        return command;
    }

    private static Option<string> LogonIdOption() => new("--logon-id") { Description = "The logon ID clients send in the A field (e.g. 01CARLI_NETWORK).", Required = true };

    private static Option<bool> PasswordStdinOption() => new("--password-stdin") { Description = "Read the password from the first line of standard input instead of prompting." };

    private static Command CreateAdd()
    {
        var logonId = LogonIdOption();
        var repository = new Option<string>("--repository") { Description = "The repository this logon writes (its only one).", Required = true };
        var profile = new Option<string>("--profile") { Description = "The import profile (default: the built-in 'default' profile).", DefaultValueFactory = _ => ImportOptions.DefaultProfileName };
        var passwordStdin = PasswordStdinOption();
        var allow = new Option<string[]>("--allow") { Description = "Peer addresses or CIDR ranges allowed to use this logon (default: any).", AllowMultipleArgumentsPerToken = true };
        var data = DataDirectory.CreateOption();
        var command = new Command("add", "Add a logon; prompts for its password unless --password-stdin.") { logonId, repository, profile, passwordStdin, allow, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var id = parse.GetValue(logonId)!;
            var repositoryName = parse.GetValue(repository)!;
            var profileName = parse.GetValue(profile)!;
            var allowed = parse.GetValue(allow) ?? [];
            var accounts = new AccountAdministration(session.Store, LocalActor.Current);

            // Checked before the prompt, so nobody types a password for a logon that cannot be added.
            var check = await accounts.CheckAddAsync(id, repositoryName, profileName, allowed, cancellationToken).ConfigureAwait(false);
            if (!check.Succeeded)
            {
                return session.Report(check);
            }

            var password = PasswordInput.Read(parse.GetValue(passwordStdin), session.Error, out var problem);
            if (password is null)
            {
                return session.Fail(ExitCodes.Usage, problem!);
            }

            return session.Report(await accounts.AddAsync(id, repositoryName, profileName, password, allowed, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }

    private static Command CreateList()
    {
        var data = DataDirectory.CreateOption();
        var command = new Command("list", "List the logons (never their passwords).") { data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var accounts = await session.Store.ListAccountsAsync(cancellationToken).ConfigureAwait(false);
            if (accounts.Count == 0)
            {
                session.Error.WriteLine("No accounts yet; add one with 'marcgate accounts add --logon-id ID --repository NAME'.");
            }

            foreach (var account in accounts)
            {
                var from = account.AllowedAddresses.Count == 0 ? "any" : string.Join(",", account.AllowedAddresses);
                session.Out.WriteLine($"{account.LogonId}\trepository={account.Repository}\tprofile={account.ProfileName}\tallow={from}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreatePasswd()
    {
        var logonId = LogonIdOption();
        var passwordStdin = PasswordStdinOption();
        var data = DataDirectory.CreateOption();
        var command = new Command("passwd", "Set a logon's password; prompts unless --password-stdin.") { logonId, passwordStdin, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var id = parse.GetValue(logonId)!;
            if (await session.Store.FindAccountAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return session.Fail(ExitCodes.Usage, $"Logon ID '{id}' does not exist; 'marcgate accounts list' shows the logons.");
            }

            var password = PasswordInput.Read(parse.GetValue(passwordStdin), session.Error, out var problem);
            if (password is null)
            {
                return session.Fail(ExitCodes.Usage, problem!);
            }

            return session.Report(await new AccountAdministration(session.Store, LocalActor.Current).SetPasswordAsync(id, password, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }

    private static Command CreateRemove()
    {
        var logonId = LogonIdOption();
        var data = DataDirectory.CreateOption();
        var command = new Command("remove", "Remove a logon; its repository and records stay.") { logonId, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
            session.Report(await new AccountAdministration(session.Store, LocalActor.Current).RemoveAsync(parse.GetValue(logonId)!, cancellationToken).ConfigureAwait(false))));
        return command;
    }
}
