using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/receipts</c>: the receipt log filtered by logon ID, outcome or reason code, time, and an import's correlation ID (as the host's log line shows it).</summary>
internal static class ReceiptsEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 5000;

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/receipts", async (HttpContext context, string? logonId, string? outcome, string? since, string? correlation, string? limit, CancellationToken cancellationToken) =>
        {
            var filter = new ReceiptFilter(logonId?.Trim() ?? string.Empty, outcome?.Trim() ?? string.Empty, since?.Trim() ?? string.Empty, correlation?.Trim() ?? string.Empty, DefaultLimit);
            string? problem = null;
            DateTimeOffset? from = null;
            if (limit is { Length: > 0 })
            {
                if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= MaxLimit)
                {
                    filter = filter with { Limit = count };
                }
                else
                {
                    problem = $"'{limit}' is not a number of receipts from 1 to {MaxLimit}.";
                }
            }

            if (filter.Since.Length > 0)
            {
                if (DateTime.TryParse(filter.Since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                {
                    from = new DateTimeOffset(time, TimeSpan.Zero);
                }
                else
                {
                    problem = $"'{filter.Since}' is not a date and time such as 2026-11-28T14:00.";
                }
            }

            IReadOnlyList<Receipt> receipts = [];
            if (problem is null)
            {
                var found = await new ReceiptSearch(console.Store).FindAsync(
                    filter.LogonId.Length == 0 ? null : filter.LogonId, filter.Outcome.Length == 0 ? null : filter.Outcome, from, filter.Correlation.Length == 0 ? null : filter.Correlation, filter.Limit, cancellationToken).ConfigureAwait(false);
                problem = found.Succeeded ? null : found.Message;
                receipts = found.Value is { } list ? [.. list.Reverse()] : [];
            }

            var page = ConsolePage.Layout(context, "Receipts", "receipts") with { Problem = problem };
            IReadOnlyList<string> outcomes = [GatewayReplyCodes.Ok, GatewayReplyCodes.Error, .. GatewayReplyCodes.Actions, .. GatewayReplyCodes.ErrorCodes];
            return ConsolePage.Render<Receipts, ReceiptsModel>(new ReceiptsModel(page, filter, receipts, outcomes), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }).For(ConsoleAccess.Staff);
    }
}
