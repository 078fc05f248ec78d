using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;
using Marcgate.Gateway;

namespace Marcgate.Cli;

/// <summary><c>marcgate receipts [--last N] [--logon-id ID] [--outcome O] [--since TIME] [--correlation ID]</c>: the receipt log of gateway §7 step 9 (never a password).</summary>
internal static class ReceiptsCommand
{
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many of the latest receipts to print (default 20).", DefaultValueFactory = _ => 20 };
        var data = DataDirectory.CreateOption();
        var command = new Command("receipts", "Print the latest receipts, oldest first: time, peer, logon ID, user ID, outcome, repository, record, OCLC number, correlation ID, message. ") { last, data };
        var logonId = new Option<string?>("--logon-id") { Description = "Only this logon ID's receipts." };
        var outcome = new Option<string?>("--outcome") { Description = "Only this outcome: ok, error, an action (added, overlaid, unchanged, staged) or an error code (logon-failed, invalid-record, …)." };
        var since = new Option<string?>("--since") { Description = "Only receipts at or after this UTC date or date-time, e.g. 2026-11-28 or 2026-11-28T14:30." };
        command.Options.Add(logonId);
        command.Options.Add(outcome);
        var correlation = new Option<string?>("--correlation") { Description = "Only the receipt of the import with this correlation ID, as the host's log line shows it." };
        command.Options.Add(since);
        command.Options.Add(correlation);
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var count = parse.GetValue(last);
            if (count <= 0)
            {
                return session.Fail(ExitCodes.Usage, $"--last must be positive, not {count}.");
            }

            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                if (!UtcTime.TryParse(sinceText, out var time))
                {
                    return session.Fail(ExitCodes.Usage, $"--since '{sinceText}' is not a date or date-time (e.g. 2026-11-28 or 2026-11-28T14:30, UTC).");
                }

                from = time;
            }

            var found = await new ReceiptSearch(session.Store).FindAsync(parse.GetValue(logonId), parse.GetValue(outcome), from, parse.GetValue(correlation), count, cancellationToken).ConfigureAwait(false);
            if (found.Value is not { } receipts)
            {
                return session.Report(found);
            }

            foreach (var receipt in receipts)
            {
                session.Out.WriteLine(Format(receipt));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static string Format(Receipt receipt)
    {
        var outcome = receipt.Ok ? $"status={GatewayReplyCodes.Ok} action={receipt.Action}" : $"status={GatewayReplyCodes.Error} code={receipt.Code}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{receipt.At:yyyy-MM-dd HH:mm:ss.fff}Z\tpeer={receipt.PeerAddress}\tlogon={receipt.LogonId ?? "-"}\tuser={receipt.UserId ?? "-"}\t{outcome}\trepository={receipt.Repository ?? "-"}\trecord={receipt.RecordId?.ToString() ?? "-"}\toclc={receipt.OclcNumber?.ToString() ?? "-"}\tcorrelation={receipt.CorrelationId ?? "-"}\t{receipt.Message}");
    }
}
