using System.CommandLine;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;

namespace Marcgate.Cli;

/// <summary><c>marcgate review resolve ITEM (--overlay RECORD_ID | --add-as-new | --discard) [--by NAME]</c>: a cataloger's decision on a review item.</summary>
internal static class ReviewResolveCommand
{
    public static Command Create()
    {
        var item = new Argument<long>("ITEM") { Description = "The review item's number ('marcgate review list' shows them)." };
        var overlay = new Option<string?>("--overlay") { Description = "Merge the record into this matched record, as the gateway would (local fields and every version kept)." };
        var addAsNew = new Option<bool>("--add-as-new") { Description = "Add the record as a new record (under the OCLC numbers no other record holds)." };
        var discard = new Option<bool>("--discard") { Description = "Throw the record away; nothing is stored." };
        var by = AdministrationReply.ByOption();
        var data = DataDirectory.CreateOption();
        var command = new Command("resolve", "Resolve a review item by overlaying one of its matched records, adding it as new, or discarding it; the item keeps who decided.") { item, overlay, addAsNew, discard, by, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var target = parse.GetValue(overlay);
            var add = parse.GetValue(addAsNew);
            var drop = parse.GetValue(discard);
            if ((target is null ? 0 : 1) + (add ? 1 : 0) + (drop ? 1 : 0) != 1)
            {
                return session.Fail(ExitCodes.Usage, "Give exactly one of --overlay RECORD_ID, --add-as-new and --discard.");
            }

            var review = new ReviewService(session.Store, LocalActor.Current);
            var itemId = parse.GetValue(item);
            var who = parse.GetValue(by)!;
            if (target is not null)
            {
                if (!RecordId.TryParse(target, out var recordId))
                {
                    return session.Fail(ExitCodes.Usage, $"--overlay '{target}' is not a record identifier (digits, e.g. 000123).");
                }

                return session.Report(await review.OverlayAsync(itemId, recordId, who, cancellationToken).ConfigureAwait(false));
            }

            return session.Report(add
                ? await review.AddAsNewAsync(itemId, who, cancellationToken).ConfigureAwait(false)
                : await review.DiscardAsync(itemId, who, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }
}
