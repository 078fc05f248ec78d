using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate users add | list | remove | passwd</c>: the people who sign in to the web console, apart from the gateway logons.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Manage the web console's staff users (admin or cataloger), apart from the gateway logons. Passwords are stored as PBKDF2-SHA256 hashes and never printed.");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateRemove());
        command.Subcommands.Add(CreatePasswd());
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The user name people sign in with (1-64 letters, digits, '_', '-', '.' or '@')." };

    private static Option<bool> PasswordStdinOption() => new("--password-stdin") { Description = "Read the password from the first line of standard input instead of prompting." };

    private static Command CreateAdd()
    {
        var name = NameArgument();
        var role = new Option<string>("--role") { Description = "admin (everything) or cataloger (receipts, records, review).", Required = true };
        role.AcceptOnlyFromAmong("admin", "cataloger");
        var passwordStdin = PasswordStdinOption();
        var data = DataDirectory.CreateOption();
        var command = new Command("add", "Add a user; prompts for the password (at least 8 characters) unless --password-stdin.") { name, role, passwordStdin, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Setup, cancellationToken, async session =>
        {
            var userName = parse.GetValue(name)!;
            if (!StaffAdministration.IsValidName(userName))
            {
                return session.Fail(ExitCodes.Usage, $"'{userName}' is not a valid user name: use 1-{StaffAdministration.MaxNameLength} letters, digits, '_', '-', '.' or '@'.");
            }

            StaffAdministration.TryParseRole(parse.GetValue(role), out var staffRole);
            var password = PasswordInput.Read(parse.GetValue(passwordStdin), session.Error, out var problem);
            if (password is null)
            {
                return session.Fail(ExitCodes.Usage, problem!);
            }

            return session.Report(await new StaffAdministration(session.Store, LocalActor.Current).AddAsync(userName, staffRole, password, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }

    private static Command CreateList()
    {
        var data = DataDirectory.CreateOption();
        var command = new Command("list", "List the users with their roles (never their passwords).") { data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var users = await new StaffAdministration(session.Store, LocalActor.Current).ListAsync(cancellationToken).ConfigureAwait(false);
            if (users.Count == 0)
            {
                session.Error.WriteLine("No users yet; add the first admin with 'marcgate users add NAME --role admin'.");
            }

            foreach (var user in users)
            {
                session.Out.WriteLine($"{user.Name}\t{StaffAdministration.RoleName(user.Role)}\tadded {user.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateRemove()
    {
        var name = NameArgument();
        var data = DataDirectory.CreateOption();
        var command = new Command("remove", "Remove a user with what they kept in the catalog (save file, export options, destinations, export history); refused for the last admin while other users remain.") { name, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
            session.Report(await new StaffAdministration(session.Store, LocalActor.Current).RemoveAsync(parse.GetValue(name)!, cancellationToken).ConfigureAwait(false))));
        return command;
    }

    private static Command CreatePasswd()
    {
        var name = NameArgument();
        var passwordStdin = PasswordStdinOption();
        var data = DataDirectory.CreateOption();
        var command = new Command("passwd", "Set a user's password, which also lifts a lockout; prompts unless --password-stdin.") { name, passwordStdin, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var userName = parse.GetValue(name)!;
            if (await session.Store.FindStaffUserAsync(userName, cancellationToken).ConfigureAwait(false) is null)
            {
                return session.Fail(ExitCodes.Usage, $"User '{userName}' does not exist; 'marcgate users list' shows the users.");
            }

            var password = PasswordInput.Read(parse.GetValue(passwordStdin), session.Error, out var problem);
            return password is null
                ? session.Fail(ExitCodes.Usage, problem!)
                : session.Report(await new StaffAdministration(session.Store, LocalActor.Current).SetPasswordAsync(userName, password, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }
}
