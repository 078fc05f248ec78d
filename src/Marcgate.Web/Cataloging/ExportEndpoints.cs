using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Marcgate.Export.Options;
using Marcgate.Export.Pipeline;
using Marcgate.Marc;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices.Cataloging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RazorSlices;

namespace Marcgate.Web.Cataloging;

/// <summary><c>/exports</c>: export flagged records with the effective options, the live status window, the history and downloads.</summary>
internal static class ExportEndpoints
{
    // The status window follows the export in the catalog, so that it shows an export run by another node too.
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(300);

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapPost("/exports", (HttpContext context, CancellationToken cancellationToken) => StartFlaggedAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapGet("/exports", (HttpContext context, CancellationToken cancellationToken) => HistoryAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapGet("/exports/{id}", (HttpContext context, string id, CancellationToken cancellationToken) => ShowAsync(context, console, id, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapGet("/exports/{id}/events", (HttpContext context, string id) =>
            TypedResults.ServerSentEvents(StreamAsync(context, console, id, context.RequestAborted))).For(ConsoleAccess.Staff);
        routes.MapGet("/exports/{id}/download", (HttpContext context, string id, CancellationToken cancellationToken) => DownloadAsync(context, console, id, cancellationToken)).For(ConsoleAccess.Staff);
    }

    /// <summary>Export on one record: with Mark for Export and Save Record on, flags it for a later batch instead of sending it.</summary>
    public static async Task<IResult> ExportOneAsync(HttpContext context, WebConsoleContext console, Cataloger cataloger, long number, CancellationToken cancellationToken)
    {
        var (options, _, _) = await cataloger.EffectiveOptionsAsync(cancellationToken).ConfigureAwait(false);
        var here = $"/savefile/{number.ToString(CultureInfo.InvariantCulture)}";
        if (options.MarkForExportAndSave)
        {
            await cataloger.SaveFile.SetFlagAsync([number], true, cancellationToken).ConfigureAwait(false);
            return ConsolePage.RedirectWithNotice(context, here, "Saved and flagged for export (Mark for Export and Save Record is on); export the flagged records from the save file.");
        }

        var saved = await cataloger.SaveFile.GetAsync(number, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return ConsolePage.RedirectWithNotice(context, "/savefile", $"Save file #{number} does not exist.");
        }

        return await StartAsync(context, cataloger, null, [Item(1, saved)], here, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> StartFlaggedAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var cataloger = Cataloger.Of(context, console);
        var flagged = await cataloger.SaveFile.ListAsync(true, cancellationToken).ConfigureAwait(false);
        if (flagged.Count == 0)
        {
            return ConsolePage.RedirectWithNotice(context, "/savefile", "No record is flagged for export: flag records first.");
        }

        var items = flagged.Select((saved, i) => Item(i + 1, saved)).ToList();
        return await StartAsync(context, cataloger, CatalogingPages.Nonblank(form["destination"]), items, "/savefile", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> StartAsync(HttpContext context, Cataloger cataloger, string? destination, List<ExportItem> items, string back, CancellationToken cancellationToken)
    {
        var (options, password, problem) = await cataloger.EffectiveOptionsAsync(cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return ConsolePage.RedirectWithNotice(context, back, "Not exported: your export options no longer read (" + problem + "); open Export Options and save them again.");
        }

        if (destination is not null && options.ExportDestination == ExportDestinationKind.Tcp)
        {
            var entry = await cataloger.Destinations.FindAsync(cataloger.Name, destination, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return ConsolePage.RedirectWithNotice(context, back, $"Not exported: there is no destination {destination}.");
            }

            options = cataloger.Destinations.Apply(options, entry, out var destinationPassword);
            password = destinationPassword ?? password;
        }

        var problems = options.Check();
        if (problems.Count > 0)
        {
            return ConsolePage.RedirectWithNotice(context, back, "Not exported: " + string.Join("; ", problems) + ". Set them in Export Options, or pick a destination.");
        }

        var id = await cataloger.Exports.StartAsync(cataloger.SaveFile, options, password, items, cancellationToken).ConfigureAwait(false);
        return ConsolePage.SeeOther($"/exports/{id}");
    }

    private static ExportItem Item(int number, Export.SaveFile.SavedRecord saved)
    {
        var diagnostics = new List<MarcDiagnostic>();
        var record = SavedRecordAnalysis.Read(saved, diagnostics);
        return new ExportItem(number, $"save file #{saved.Number.ToString(CultureInfo.InvariantCulture)}", record, record is null ? [.. diagnostics.Select(d => d.ToString())] : [])
        {
            SaveFileNumber = saved.Number,
        };
    }

    private static async Task<IResult> HistoryAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var exports = await cataloger.Exports.ListAsync(cataloger.Name, cancellationToken).ConfigureAwait(false);
        var model = new ExportHistoryModel(ConsolePage.Layout(context, "Export history", "exports"), [.. exports.Select(e => (e.Id, ExportRunView.From(e.Run)))]);
        return Results.RazorSlice<ExportHistory, ExportHistoryModel>(model);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, string id, CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var run = await cataloger.Exports.GetAsync(cataloger.Name, id, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return ConsolePage.RedirectWithNotice(context, "/exports", "There is no such export in your history.");
        }

        var model = new ExportRunModel(ConsolePage.Layout(context, "Export status", "exports"), id, ExportRunView.From(run));
        return Results.RazorSlice<ExportStatusPage, ExportRunModel>(model);
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, WebConsoleContext console, string id, CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var run = await cataloger.Exports.GetAsync(cataloger.Name, id, cancellationToken).ConfigureAwait(false);
        if (run is { DownloadName: not null, FileDropped: not null })
        {
            return ConsolePage.RedirectWithNotice(context, $"/exports/{id}", $"The file of that export is no longer kept: only your {cataloger.Exports.KeptFiles} most recent export files are.");
        }

        var bytes = run?.DownloadName is null ? null : await cataloger.Exports.GetFileAsync(cataloger.Name, id, cancellationToken).ConfigureAwait(false);
        if (run is null || bytes is null)
        {
            return ConsolePage.RedirectWithNotice(context, "/exports", "That export wrote no file to download.");
        }

        var type = run.DownloadName!.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? "application/zip"
            : run.DownloadName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "application/marcxml+xml" : "application/marc";
        return Results.File(bytes, type, run.DownloadName);
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(HttpContext context, WebConsoleContext console, string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var sent = 0;
        if (context.Request.Headers["Last-Event-ID"] is [{ } lastEventId] && int.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            sent = last;
        }
        else if (context.Request.Query["after"] is [{ } after] && int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var shown))
        {
            sent = shown;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            ExportRunDocument? run;
            try
            {
                run = await cataloger.Exports.GetAsync(cataloger.Name, id, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (run is null)
            {
                yield break;
            }

            var view = ExportRunView.From(run);
            foreach (var row in view.Rows.Skip(sent))
            {
                var html = await _ExportRow.Create(row).RenderAsync(HtmlEncoder.Default, cancellationToken).ConfigureAwait(false);
                sent++;
                yield return new SseItem<string>(html.ReplaceLineEndings(" "), "row") { EventId = sent.ToString(CultureInfo.InvariantCulture) };
            }

            if (!view.Running)
            {
                var summary = await _ExportSummary.Create(new ExportRunModel(new LayoutModel(string.Empty, string.Empty, null, string.Empty), id, view)).RenderAsync(HtmlEncoder.Default, cancellationToken).ConfigureAwait(false);
                yield return new SseItem<string>(summary.ReplaceLineEndings(" "), "done");
                yield break;
            }

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
