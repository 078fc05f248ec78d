using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate records revert --repository R (--oclc N | --id ID) --to-version V</c>: brings an earlier version back as a new one.</summary>
internal static class RecordsRevertCommand
{
    public static Command Create()
    {
        var selector = new RecordSelector();
        var version = new Option<int>("--to-version") { Description = "The kept version to bring back ('marcgate records history' lists them).", Required = true };
        var by = AdministrationReply.ByOption();
        var data = DataDirectory.CreateOption();
        var command = new Command("revert", "Store a new version of a record equal to an earlier one; every version stays. Prints the version created.") { version, by, data };
        selector.AddTo(command);
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var (id, exitCode) = await selector.ResolveAsync(parse, session, cancellationToken).ConfigureAwait(false);
            if (id is not { } recordId)
            {
                return exitCode;
            }

            var history = new RecordHistoryService(session.Store, LocalActor.Current);
            return session.Report(await history.RevertAsync(parse.GetValue(selector.Repository)!, recordId, parse.GetValue(version), parse.GetValue(by)!, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }
}
