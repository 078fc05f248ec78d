using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate review show ITEM</c>: a review item, its incoming record and the records it matched.</summary>
internal static class ReviewShowCommand
{
    public static Command Create()
    {
        var item = new Argument<long>("ITEM") { Description = "The review item's number ('marcgate review list' shows them)." };
        var data = DataDirectory.CreateOption();
        var command = new Command("show", "Print a review item: who sent it and why it waits, how it was resolved, the matched records, then the incoming record as mrk.") { item, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var result = await new ReviewService(session.Store, LocalActor.Current).ShowAsync(parse.GetValue(item), cancellationToken).ConfigureAwait(false);
            if (result.Value is not { } details)
            {
                return session.Report(result);
            }

            var shown = details.Item;
            var output = session.Out;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"item: {shown.Id}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"received: {shown.At:yyyy-MM-dd HH:mm:ss}Z in {shown.Repository} from logon={shown.LogonId ?? "-"} user={shown.UserId ?? "-"} peer={shown.PeerAddress ?? "-"}"));
            output.WriteLine($"reason: {shown.Reason}");
            output.WriteLine(shown.Resolution is { } resolution
                ? string.Create(CultureInfo.InvariantCulture, $"resolved: {Describe(resolution)} by {resolution.ResolvedBy} at {resolution.At:yyyy-MM-dd HH:mm:ss}Z")
                : "resolved: no (marcgate review resolve ITEM --overlay RECORD_ID | --add-as-new | --discard)");
            foreach (var id in shown.CandidateIds)
            {
                var candidate = details.Candidates.FirstOrDefault(c => c.Id == id);
                output.WriteLine(candidate is null
                    ? $"matched: {id}\t(removed)"
                    : $"matched: {id}\tv{candidate.Version}\toclc={(candidate.OclcNumbers.Count == 0 ? "-" : string.Join(",", candidate.OclcNumbers))}\t{RecordSummary.Title(candidate.Content.Span)}");
            }

            output.WriteLine();
            RecordOutput.Write(output, shown.Content, "mrk");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Describe(ReviewResolution resolution) => resolution.Decision switch
    {
        ReviewDecision.Overlaid => $"overlaid record {resolution.RecordId}",
        ReviewDecision.AddedAsNew => $"added as record {resolution.RecordId}",
        _ => "discarded",
    };
}
