using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Marc.Formats;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/records</c>: search, a record's MARC and history, downloads, a diff of two versions, and revert.</summary>
internal static class RecordsEndpoints
{
    private const int SearchLimit = 200;

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/records", (HttpContext context, string? repository, string? id, string? oclc, string? title, string? isbn, CancellationToken cancellationToken) =>
            SearchAsync(context, console, new RecordQuery(repository ?? string.Empty, id?.Trim() ?? string.Empty, oclc?.Trim() ?? string.Empty, title?.Trim() ?? string.Empty, isbn?.Trim() ?? string.Empty), cancellationToken))
            .For(ConsoleAccess.Staff);
        routes.MapGet("/records/{repository}/{id}", (HttpContext context, string repository, string id, int? version, CancellationToken cancellationToken) =>
            ShowAsync(context, console, repository, id, version, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapGet("/records/{repository}/{id}/download/{format}", async (HttpContext context, string repository, string id, string format, int? version, CancellationToken cancellationToken) =>
        {
            if (!RecordId.TryParse(id, out var recordId) || !MarcFormats.TryParse(format, out var marcFormat))
            {
                return Results.NotFound();
            }

            // Written to memory first: the formats' writers are synchronous, and a record is small.
            using var buffer = new MemoryStream();
            var result = await new RecordExport(console.Store).ExportRecordAsync(repository, recordId, version, marcFormat, buffer, cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? Results.File(buffer.ToArray(), Downloads.ContentType(marcFormat), $"{repository}-{recordId}{(version is { } v ? $"-v{v}" : string.Empty)}{Downloads.Extension(marcFormat)}")
                : Results.NotFound(result.Message);
        }).For(ConsoleAccess.Staff);
        routes.MapGet("/records/{repository}/{id}/diff", async (HttpContext context, string repository, string id, int? from, int? to, CancellationToken cancellationToken) =>
        {
            if (!RecordId.TryParse(id, out var recordId))
            {
                return Results.NotFound($"'{id}' is not a record ID.");
            }

            var history = await console.Store.GetHistoryAsync(repository, recordId, cancellationToken).ConfigureAwait(false);
            if (history.Count == 0)
            {
                return Results.NotFound($"Repository {repository} has no record {recordId}.");
            }

            var first = from ?? Math.Max(1, history[^1].Version - 1);
            var second = to ?? history[^1].Version;
            var diff = await new RecordHistoryService(console.Store, ConsolePage.Actor(context)).DiffAsync(repository, recordId, first, second, cancellationToken).ConfigureAwait(false);
            var page = ConsolePage.Layout(context, $"Record {recordId}: version {first} beside version {second}", "records") with { Problem = diff.Succeeded ? null : diff.Message };
            var model = new DiffModel(page, repository, recordId, first, second, diff.Value is { } lines ? SideBySide.Rows(lines) : [], history[^1].Version);
            return ConsolePage.Render<Diff, DiffModel>(model, diff.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }).For(ConsoleAccess.Staff);
        routes.MapPost("/records/{repository}/{id}/revert", async (HttpContext context, string repository, string id, int? version, CancellationToken cancellationToken) =>
        {
            if (!RecordId.TryParse(id, out var recordId) || version is null)
            {
                return Results.BadRequest("Give the record and the version to revert to.");
            }

            var result = await new RecordHistoryService(console.Store, ConsolePage.Actor(context)).RevertAsync(repository, recordId, version.Value, ConsolePage.UserName(context), cancellationToken).ConfigureAwait(false);
            return ConsolePage.RedirectWithNotice(context, $"/records/{Uri.EscapeDataString(repository)}/{recordId}", result.Message);
        }).For(ConsoleAccess.Staff);
    }

    private static async Task<IResult> SearchAsync(HttpContext context, WebConsoleContext console, RecordQuery query, CancellationToken cancellationToken)
    {
        var repositories = (await console.Store.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Name).ToList();
        if (query.Repository.Length == 0 && repositories.Count > 0)
        {
            query = query with { Repository = repositories[0] };
        }

        string? problem = null;
        IReadOnlyList<(StoredRecord, string)>? found = null;
        if (query.Id.Length > 0)
        {
            if (RecordId.TryParse(query.Id, out var recordId))
            {
                return ConsolePage.SeeOther($"/records/{Uri.EscapeDataString(query.Repository)}/{recordId}");
            }

            problem = $"'{query.Id}' is not a record ID (digits, e.g. 000123).";
        }
        else if (query.Oclc.Length > 0 || query.Title.Length > 0 || query.Isbn.Length > 0)
        {
            OclcNumber? number = null;
            if (query.Oclc.Length > 0)
            {
                if (OclcNumber.TryParse(query.Oclc, out var parsed))
                {
                    number = parsed;
                }
                else
                {
                    problem = $"'{query.Oclc}' is not an OCLC number.";
                }
            }

            if (problem is null)
            {
                var search = new RecordSearchQuery
                {
                    OclcNumber = number,
                    Title = query.Title.Length > 0 ? query.Title : null,
                    Isbn = query.Isbn.Length > 0 ? query.Isbn : null,
                    Limit = SearchLimit,
                };
                var result = await new RecordSearch(console.Store).SearchAsync(query.Repository, search, cancellationToken).ConfigureAwait(false);
                problem = result.Succeeded ? null : result.Message;
                found = result.Value is { } records ? [.. records.Select(r => (r, MarcText.Title(MarcText.Read(r.Content))))] : null;
            }
        }
        else if (query.Repository.Length > 0)
        {
            // No criteria: the newest records of the repository (ids grow as records are added), so browsing starts somewhere.
            var latest = new List<StoredRecord>();
            RecordId? after = null;
            while (true)
            {
                var page = await console.Store.ListRecordsAsync(query.Repository, after, 500, cancellationToken).ConfigureAwait(false);
                latest.AddRange(page);
                if (latest.Count > SearchLimit)
                {
                    latest.RemoveRange(0, latest.Count - SearchLimit);
                }

                if (page.Count < 500)
                {
                    break;
                }

                after = page[^1].Id;
            }

            found = [.. latest.AsEnumerable().Reverse().Select(r => (r, MarcText.Title(MarcText.Read(r.Content))))];
        }

        var layout = ConsolePage.Layout(context, "Records", "records") with { Problem = problem };
        return ConsolePage.Render<Records, RecordsModel>(new RecordsModel(layout, query, repositories, found), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, string repository, string id, int? version, CancellationToken cancellationToken)
    {
        if (!RecordId.TryParse(id, out var recordId))
        {
            return Results.NotFound($"'{id}' is not a record ID.");
        }

        var history = await console.Store.GetHistoryAsync(repository, recordId, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return Results.NotFound($"Repository {repository} has no record {recordId}.");
        }

        var shown = version is { } number ? history.FirstOrDefault(v => v.Version == number) : history[^1];
        if (shown is null)
        {
            return Results.NotFound($"Record {recordId} has versions 1 to {history[^1].Version}, not {version}.");
        }

        var record = MarcText.Read(shown.Content);
        var title = MarcText.Title(record);
        var page = ConsolePage.Layout(context, title.Length == 0 ? $"Record {recordId}" : $"{recordId} · {title}", "records");
        var model = new RecordModel(page, repository, recordId, shown, record, record is null ? string.Empty : MarcText.Mnemonic(record), [.. history.Reverse()]);
        return ConsolePage.Render<RecordPage, RecordModel>(model);
    }
}
