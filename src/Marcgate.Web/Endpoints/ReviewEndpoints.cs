using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/review</c>: the review queue and each item's decision, kept with the signed-in user's name.</summary>
internal static class ReviewEndpoints
{
    private const int Shown = 500;

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/review", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var items = await console.Store.ListReviewItemsAsync(null, Shown, cancellationToken).ConfigureAwait(false);
            var model = new ReviewListModel(ConsolePage.Layout(context, "Review queue", "review"), [.. items.Select(i => (i, MarcText.Title(MarcText.Read(i.Content))))]);
            return ConsolePage.Render<ReviewList, ReviewListModel>(model);
        }).For(ConsoleAccess.Staff);
        routes.MapGet("/review/{id:long}", (HttpContext context, long id, CancellationToken cancellationToken) => ShowAsync(context, console, id, null, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapPost("/review/{id:long}/resolve", async (HttpContext context, long id, CancellationToken cancellationToken) =>
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var review = new ReviewService(console.Store, ConsolePage.Actor(context));
            var by = ConsolePage.UserName(context);
            AdministrationResult result;
            switch (form["action"].ToString())
            {
                case "overlay" when RecordId.TryParse(form["record"].ToString(), out var recordId):
                    result = await review.OverlayAsync(id, recordId, by, cancellationToken).ConfigureAwait(false);
                    break;
                case "add":
                    result = await review.AddAsNewAsync(id, by, cancellationToken).ConfigureAwait(false);
                    break;
                case "discard":
                    result = await review.DiscardAsync(id, by, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    return await ShowAsync(context, console, id, "Choose overlay (with one of the matched records), add or discard.", cancellationToken).ConfigureAwait(false);
            }

            return result.Succeeded
                ? ConsolePage.RedirectWithNotice(context, "/review", result.Message)
                : await ShowAsync(context, console, id, result.Message, cancellationToken).ConfigureAwait(false);
        }).For(ConsoleAccess.Staff);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, long id, string? problem, CancellationToken cancellationToken)
    {
        var shown = await new ReviewService(console.Store, ConsolePage.Actor(context)).ShowAsync(id, cancellationToken).ConfigureAwait(false);
        if (shown.Value is not { } details)
        {
            return Results.NotFound(shown.Message);
        }

        var incoming = MarcText.Read(details.Item.Content);
        var candidates = new List<(StoredRecord, string, IReadOnlyList<DiffRow>)>();
        foreach (var candidate in details.Candidates)
        {
            var stored = MarcText.Read(candidate.Content);
            var rows = stored is null || incoming is null ? [] : SideBySide.Rows(RecordDiff.Compare(stored, incoming));
            candidates.Add((candidate, MarcText.Title(stored), rows));
        }

        var page = ConsolePage.Layout(context, $"Review item #{id}", "review") with { Problem = problem };
        var model = new ReviewItemModel(page, details.Item, MarcText.Title(incoming), candidates);
        return ConsolePage.Render<ReviewItemPage, ReviewItemModel>(model, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
