using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate records list | count | show | history</c>: the records a repository holds and their kept versions (gateway §7 step 6).</summary>
internal static class RecordsCommand
{
    public static Command Create()
    {
        var command = new Command("records", "Look at the records of a repository and their history.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateCount());
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateHistory());
        command.Subcommands.Add(RecordsSearchCommand.Create());
        command.Subcommands.Add(RecordsExportCommand.Create());
        command.Subcommands.Add(RecordsRevertCommand.Create());
        command.Subcommands.Add(RecordsDiffCommand.Create());
        return command;
    }

    private static Option<string> RepositoryOption() => new("--repository") { Description = "The repository.", Required = true };

    private static async Task<int?> CheckRepositoryAsync(AdminSession session, string repository, CancellationToken cancellationToken) =>
        await session.Store.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false)
            ? null
            : session.Fail(ExitCodes.Usage, $"Repository '{repository}' does not exist; 'marcgate repositories list' shows them.");

    private static Command CreateList()
    {
        var repository = RepositoryOption();
        var limit = new Option<int>("--limit") { Description = "The most records to list (default 100).", DefaultValueFactory = _ => 100 };
        var after = new Option<string?>("--after") { Description = "List the records after this identifier (for the next page)." };
        var data = DataDirectory.CreateOption();
        var command = new Command("list", "List records: identifier, version, OCLC numbers, last change and title.") { repository, limit, after, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var name = parse.GetValue(repository)!;
            if (await CheckRepositoryAsync(session, name, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }

            RecordId? start = null;
            if (parse.GetValue(after) is { } afterText)
            {
                if (!RecordId.TryParse(afterText, out var afterId))
                {
                    return session.Fail(ExitCodes.Usage, $"--after '{afterText}' is not a record identifier.");
                }

                start = afterId;
            }

            var count = parse.GetValue(limit);
            if (count <= 0)
            {
                return session.Fail(ExitCodes.Usage, $"--limit must be positive, not {count}.");
            }

            foreach (var record in await session.Store.ListRecordsAsync(name, start, count, cancellationToken).ConfigureAwait(false))
            {
                var numbers = record.OclcNumbers.Count == 0 ? "-" : string.Join(",", record.OclcNumbers);
                session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{record.Id}\tv{record.Version}\toclc={numbers}\t{record.Updated:yyyy-MM-dd HH:mm:ss}Z\t{RecordSummary.Title(record.Content.Span)}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateCount()
    {
        var repository = RepositoryOption();
        var data = DataDirectory.CreateOption();
        var command = new Command("count", "Print how many records the repository holds.") { repository, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var name = parse.GetValue(repository)!;
            if (await CheckRepositoryAsync(session, name, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }

            session.Out.WriteLine((await session.Store.CountRecordsAsync(name, cancellationToken).ConfigureAwait(false)).ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateShow()
    {
        var selector = new RecordSelector();
        var format = new Option<string>("--format") { Description = "mrk (MarcEdit text, the default), marcxml or iso2709.", DefaultValueFactory = _ => "mrk" };
        format.AcceptOnlyFromAmong(RecordOutput.Formats);
        var version = new Option<int?>("--version") { Description = "Show this kept version instead of the current one." };
        var data = DataDirectory.CreateOption();
        var command = new Command("show", "Print one record, by OCLC number or identifier.") { format, version, data };
        selector.AddTo(command);
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var (id, exitCode) = await selector.ResolveAsync(parse, session, cancellationToken).ConfigureAwait(false);
            if (id is not { } recordId)
            {
                return exitCode;
            }

            var repository = parse.GetValue(selector.Repository)!;
            var history = await session.Store.GetHistoryAsync(repository, recordId, cancellationToken).ConfigureAwait(false);
            var wanted = parse.GetValue(version);
            var shown = wanted is null ? history[^1] : history.FirstOrDefault(v => v.Version == wanted);
            if (shown is null)
            {
                return session.Fail(ExitCodes.Usage, $"Record {recordId} has versions 1 to {history.Count}, not {wanted}.");
            }

            RecordOutput.Write(session.Out, shown.Content, parse.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateHistory()
    {
        var selector = new RecordSelector();
        var data = DataDirectory.CreateOption();
        var command = new Command("history", "List every kept version of a record, oldest first.") { data };
        selector.AddTo(command);
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var (id, exitCode) = await selector.ResolveAsync(parse, session, cancellationToken).ConfigureAwait(false);
            if (id is not { } recordId)
            {
                return exitCode;
            }

            foreach (var version in await session.Store.GetHistoryAsync(parse.GetValue(selector.Repository)!, recordId, cancellationToken).ConfigureAwait(false))
            {
                session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{version.Id}\tv{version.Version}\t{version.At:yyyy-MM-dd HH:mm:ss}Z\t{version.Action.ToString().ToLowerInvariant()}\tlogon={version.LogonId ?? "-"}\tuser={version.UserId ?? "-"}\tsha256={version.ContentHash[..12]}\t{RecordSummary.Title(version.Content.Span)}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
