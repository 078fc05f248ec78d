using Marcgate.Catalog.Administration;

namespace Marcgate.Cli.Admin;

/// <summary>Prints an administration service's answer and turns it into the program's exit code.</summary>
internal static class AdministrationReply
{
    /// <summary>Done: the message on standard output (when there is one) and <see cref="ExitCodes.Ok"/>; otherwise the message on standard error and <see cref="ExitCodes.Usage"/>.</summary>
    public static int Report(this AdminSession session, AdministrationResult result)
    {
        if (result.Succeeded)
        {
            if (result.Message.Length > 0)
            {
                session.Out.WriteLine(result.Message);
            }

            return ExitCodes.Ok;
        }

        return session.Fail(ExitCodes.Usage, result.Message);
    }

    /// <summary>The <c>--by NAME</c> option: who made a change, kept with it; the operating system's user name by default.</summary>
    public static System.CommandLine.Option<string> ByOption() => new("--by")
    {
        Description = "Who makes the change, kept with it (default: the operating system's user name).",
        DefaultValueFactory = _ => Environment.UserName,
    };
}
