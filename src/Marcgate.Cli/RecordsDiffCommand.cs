using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate records diff --repository R (--oclc N | --id ID) --from V1 --to V2 [--context]</c>: what changed between two versions.</summary>
internal static class RecordsDiffCommand
{
    public static Command Create()
    {
        var selector = new RecordSelector();
        var from = new Option<int>("--from") { Description = "The earlier version.", Required = true };
        var to = new Option<int>("--to") { Description = "The later version.", Required = true };
        var context = new Option<bool>("--context") { Description = "Print the unchanged fields too, indented by two spaces." };
        var data = DataDirectory.CreateOption();
        var command = new Command("diff", "Compare two versions of a record field by field: '- ' lines only in --from, '+ ' lines only in --to, in tag order; a blank indicator shows as #.") { from, to, context, data };
        selector.AddTo(command);
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var (id, exitCode) = await selector.ResolveAsync(parse, session, cancellationToken).ConfigureAwait(false);
            if (id is not { } recordId)
            {
                return exitCode;
            }

            var result = await new RecordHistoryService(session.Store, LocalActor.Current).DiffAsync(parse.GetValue(selector.Repository)!, recordId, parse.GetValue(from), parse.GetValue(to), cancellationToken).ConfigureAwait(false);
            if (result.Value is not { } lines)
            {
                return session.Report(result);
            }

            var all = parse.GetValue(context);
            if (lines.All(l => l.Kind == RecordDiffKind.Unchanged))
            {
                session.Error.WriteLine($"Versions {parse.GetValue(from)} and {parse.GetValue(to)} of record {recordId} have the same fields.");
            }

            foreach (var line in lines.Where(l => all || l.Kind != RecordDiffKind.Unchanged))
            {
                session.Out.WriteLine(line.ToString());
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
