using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Marcgate.Catalog.Storage;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using RazorSlices;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/</c>, the dashboard, and <c>/events/receipts</c>, the live feed of receipts it shows.</summary>
internal static class DashboardEndpoints
{
    private const int LatestShown = 15;
    private const int ReviewCountLimit = 1000;

    // The receipt log is polled rather than signalled: receipts written by another node over the same store appear too.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console, IListenerStatus listeners)
    {
        routes.MapGet("/", (HttpContext context, CancellationToken cancellationToken) => ShowAsync(context, console, listeners, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapGet("/events/receipts", async (HttpContext context, long? after, CancellationToken cancellationToken) =>
        {
            // The headers go out at once, so the browser knows the feed is live before the first receipt arrives.
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache,no-store";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await context.Response.StartAsync(cancellationToken).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await SseFormatter.WriteAsync(StreamAsync(context, console.Store, after ?? 0, cancellationToken), context.Response.Body, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The browser left.
            }

            return Results.Empty;
        }).For(ConsoleAccess.Staff);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, IListenerStatus listeners, CancellationToken cancellationToken)
    {
        var store = console.Store;
        var now = DateTimeOffset.UtcNow;
        var today = await store.TallyReceiptsAsync(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
        var latest = await store.GetLastReceiptsAsync(LatestShown, cancellationToken).ConfigureAwait(false);
        var review = (await store.ListReviewItemsAsync(null, ReviewCountLimit, cancellationToken).ConfigureAwait(false)).Count;
        var locked = new List<string>();
        foreach (var account in await store.ListAccountsAsync(cancellationToken).ConfigureAwait(false))
        {
            var failures = await store.CountLogonFailuresAsync(LockoutKey.ForLogonId(account.LogonId), now - console.LockoutWindow, cancellationToken).ConfigureAwait(false);
            if (console.MaxFailuresPerLogonId > 0 && failures >= console.MaxFailuresPerLogonId)
            {
                locked.Add(account.LogonId);
            }
        }

        var size = await store.MeasureSizeAsync(cancellationToken).ConfigureAwait(false);
        var model = new DashboardModel(
            ConsolePage.Layout(context, "Dashboard", "dashboard"),
            today,
            [.. latest.Reverse()],
            ActivityChart.Render(console.Activity?.LastHour() ?? []),
            listeners.Listeners,
            listeners.Connections,
            Bytes(size),
            review,
            locked);
        return ConsolePage.Render<Dashboard, DashboardModel>(model);
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(HttpContext context, ICatalogStore store, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Browsers reconnect with the id of the last event they saw, so nothing is shown twice or missed.
        if (context.Request.Headers["Last-Event-ID"] is [{ } lastEventId] && long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            after = last;
        }

        if (after <= 0)
        {
            var newest = await store.GetLastReceiptsAsync(1, cancellationToken).ConfigureAwait(false);
            after = newest.Count == 0 ? 0 : newest[0].Id;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<Receipt> page;
            try
            {
                page = await store.ListReceiptsAsync(after, 50, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            foreach (var receipt in page)
            {
                var row = await _ReceiptRow.Create(receipt).RenderAsync(ConsolePage.Encoder, cancellationToken).ConfigureAwait(false);
                after = receipt.Id;
                yield return new SseItem<string>(row.ReplaceLineEndings(" "), "receipt") { EventId = receipt.Id.ToString(CultureInfo.InvariantCulture) };
            }

            if (page.Count == 0)
            {
                try
                {
                    await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
    }

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB"),
    };
}
