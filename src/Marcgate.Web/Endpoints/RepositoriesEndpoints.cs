using Marcgate.Catalog.Administration;
using Marcgate.Marc.Formats;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/repositories</c>: list, add, remove and export repositories (admins).</summary>
internal static class RepositoriesEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/repositories", (HttpContext context, CancellationToken cancellationToken) => ShowAsync(context, console, null, null, cancellationToken)).For(ConsoleAccess.Admin);
        routes.MapPost("/repositories", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var name = form["name"].ToString().Trim();
            var result = await new CatalogAdministration(console.Store, ConsolePage.Actor(context)).AddRepositoryAsync(name, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? ConsolePage.RedirectWithNotice(context, "/repositories", result.Message)
                : await ShowAsync(context, console, name, result.Message, cancellationToken).ConfigureAwait(false);
        }).For(ConsoleAccess.Admin);
        routes.MapPost("/repositories/{name}/remove", async (HttpContext context, string name, CancellationToken cancellationToken) =>
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var result = await new CatalogAdministration(console.Store, ConsolePage.Actor(context)).RemoveRepositoryAsync(name, form["force"] == "true", cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? ConsolePage.RedirectWithNotice(context, "/repositories", result.Message)
                : await ShowAsync(context, console, null, result.Message.Replace("add --force", "tick 'with its records'", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        }).For(ConsoleAccess.Admin);
        routes.MapGet("/repositories/{name}/export/{format}", async (HttpContext context, string name, string format, CancellationToken cancellationToken) =>
        {
            if (!MarcFormats.TryParse(format, out var marcFormat))
            {
                return Results.NotFound();
            }

            // Written to a temporary file first: the formats' writers are synchronous, and a failure must not leave half a download.
            var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            var result = await new RecordExport(console.Store).ExportAsync(name, marcFormat, file, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                await file.DisposeAsync().ConfigureAwait(false);
                return Results.NotFound(result.Message);
            }

            file.Position = 0;
            return Results.Stream(file, Downloads.ContentType(marcFormat), $"{name}{Downloads.Extension(marcFormat)}");
        }).For(ConsoleAccess.Admin);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, string? name, string? problem, CancellationToken cancellationToken)
    {
        var rows = new List<(Catalog.Storage.CatalogRepository, long)>();
        foreach (var repository in await console.Store.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((repository, await console.Store.CountRecordsAsync(repository.Name, cancellationToken).ConfigureAwait(false)));
        }

        var page = ConsolePage.Layout(context, "Repositories", "repositories") with { Problem = problem };
        return ConsolePage.Render<Repositories, RepositoriesModel>(new RepositoriesModel(page, rows, name), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
