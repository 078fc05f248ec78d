using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate records search --repository R (--title TEXT | --oclc N | --isbn N)…</c>: finds records.</summary>
internal static class RecordsSearchCommand
{
    public static Command Create()
    {
        var repository = new Option<string>("--repository") { Description = "The repository.", Required = true };
        var title = new Option<string?>("--title") { Description = "Text found anywhere in 245, ignoring case." };
        var oclc = new Option<string?>("--oclc") { Description = "An OCLC number the record carries (cancelled numbers too)." };
        var isbn = new Option<string?>("--isbn") { Description = "An ISBN in 020 $a; ISBN-10 and ISBN-13 find each other, hyphens are ignored." };
        var limit = new Option<int>("--limit") { Description = "The most records to list (default 100).", DefaultValueFactory = _ => 100 };
        var data = DataDirectory.CreateOption();
        var command = new Command("search", "Find records by title, OCLC number or ISBN (all given must match): identifier, version, OCLC numbers, last change and title.") { repository, title, oclc, isbn, limit, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var query = new RecordSearchQuery { Title = parse.GetValue(title), Isbn = parse.GetValue(isbn), Limit = parse.GetValue(limit) };
            if (parse.GetValue(oclc) is { } oclcText)
            {
                if (!OclcNumber.TryParse(oclcText, out var number))
                {
                    return session.Fail(ExitCodes.Usage, $"--oclc '{oclcText}' is not an OCLC number (digits, optionally (OCoLC), ocm, ocn or on before them).");
                }

                query = query with { OclcNumber = number };
            }

            var result = await new RecordSearch(session.Store).SearchAsync(parse.GetValue(repository)!, query, cancellationToken).ConfigureAwait(false);
            if (result.Value is not { } records)
            {
                return session.Report(result);
            }

            if (records.Count == 0)
            {
                session.Error.WriteLine("No record matches.");
            }

            foreach (var record in records)
            {
                var numbers = record.OclcNumbers.Count == 0 ? "-" : string.Join(",", record.OclcNumbers);
                session.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{record.Id}\tv{record.Version}\toclc={numbers}\t{record.Updated:yyyy-MM-dd HH:mm:ss}Z\t{RecordSummary.Title(record.Content.Span)}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
