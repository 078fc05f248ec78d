using System.CommandLine;
using System.Globalization;
using Marcgate.Catalog.Storage;
using Marcgate.Cli.Admin;
using Marcgate.Gateway;

namespace Marcgate.Cli;

/// <summary><c>marcgate receipts [--last N]</c>: the receipt log of gateway §7 step 9 (never a password).</summary>
internal static class ReceiptsCommand
{
    public static Command Create()
    {
        var last = new Option<int>("--last") { Description = "How many of the latest receipts to print (default 20).", DefaultValueFactory = _ => 20 };
        var data = DataDirectory.CreateOption();
        var command = new Command("receipts", "Print the latest receipts, oldest first: time, peer, logon ID, user ID, outcome, repository, record, OCLC number, message.") { last, data };
        command.SetAction((parse, cancellationToken) => AdminSession.RunAsync(parse, data, AdminAccess.Existing, cancellationToken, async session =>
        {
            var count = parse.GetValue(last);
            if (count <= 0)
            {
                return session.Fail(ExitCodes.Usage, $"--last must be positive, not {count}.");
            }

            foreach (var receipt in await session.Store.GetLastReceiptsAsync(count, cancellationToken).ConfigureAwait(false))
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
            $"{receipt.At:yyyy-MM-dd HH:mm:ss.fff}Z\tpeer={receipt.PeerAddress}\tlogon={receipt.LogonId ?? "-"}\tuser={receipt.UserId ?? "-"}\t{outcome}\trepository={receipt.Repository ?? "-"}\trecord={receipt.RecordId?.ToString() ?? "-"}\toclc={receipt.OclcNumber?.ToString() ?? "-"}\t{receipt.Message}");
    }
}
