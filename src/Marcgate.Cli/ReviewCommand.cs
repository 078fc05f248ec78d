using System.CommandLine;
using System.Globalization;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate review list</c>: records kept because they matched several records (gateway §7 step 5, <c>code=multiple-matches</c>).</summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var command = new Command("review", "Records kept for a cataloger's review because they matched several stored records.");
        var repository = new Option<string?>("--repository") { Description = "Only this repository's items (default: all)." };
        var limit = new Option<int>("--limit") { Description = "The most items to list (default 100).", DefaultValueFactory = _ => 100 };
        var data = DataDirectory.CreateOption();
        var list = new Command("list", "List the review items, oldest first: item, time, repository, sender, the incoming record's OCLC number, matched records, its title and reason.") { repository, limit, data };
        list.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var name = parse.GetValue(repository);
            if (name is not null && !await session.Store.RepositoryExistsAsync(name, cancellationToken).ConfigureAwait(false))
            {
                return session.Fail(ExitCodes.Usage, $"Repository '{name}' does not exist; 'marcgate repositories list' shows them.");
            }

            var count = parse.GetValue(limit);
            if (count <= 0)
            {
                return session.Fail(ExitCodes.Usage, $"--limit must be positive, not {count}.");
            }

            var items = await session.Store.ListReviewItemsAsync(name, count, cancellationToken).ConfigureAwait(false);
            if (items.Count == 0)
            {
                session.Error.WriteLine("Nothing to review.");
            }

            foreach (var item in items)
            {
                var incoming = RecordSummary.Read(item.Content.Span);
                session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{item.Id}\t{item.At:yyyy-MM-dd HH:mm:ss}Z\t{item.Repository}\tlogon={item.LogonId ?? "-"}\tuser={item.UserId ?? "-"}\toclc={RecordSummary.PrimaryOclcNumber(incoming)}\tmatches={string.Join(",", item.CandidateIds)}\t{RecordSummary.Title(incoming)}\t{item.Reason}"));
            }

            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(list);
        command.Subcommands.Add(ReviewShowCommand.Create());
        command.Subcommands.Add(ReviewResolveCommand.Create());
        return command;
    }
}
