using System.Globalization;
using Marcgate.Catalog.Storage;
using Marcgate.Export.Pipeline;
using Marcgate.Marc;
using Marcgate.Marc.Formats;
using Marcgate.Marc.Iso2709;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices.Cataloging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Cataloging;

/// <summary><c>/savefile</c>: the cataloger's online save file; upload, copy from a repository, display, edit as MARC text, flag, delete.</summary>
internal static class SaveFileEndpoints
{
    private const int MaxUploadRecords = 10_000;

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/savefile", (HttpContext context, CancellationToken cancellationToken) => ListAsync(context, console, null, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapPost("/savefile/upload", (HttpContext context, CancellationToken cancellationToken) => UploadAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapPost("/savefile/copy", (HttpContext context, CancellationToken cancellationToken) => CopyAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapPost("/savefile/change", (HttpContext context, CancellationToken cancellationToken) => ChangeAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapGet("/savefile/{number:long}", (HttpContext context, long number, CancellationToken cancellationToken) => ShowAsync(context, console, number, null, null, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapPost("/savefile/{number:long}", (HttpContext context, long number, CancellationToken cancellationToken) => ActAsync(context, console, number, cancellationToken)).For(ConsoleAccess.Staff);
    }

    private static async Task<IResult> ListAsync(HttpContext context, WebConsoleContext console, string? problem, CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var (options, _, optionsProblem) = await cataloger.EffectiveOptionsAsync(cancellationToken).ConfigureAwait(false);
        var saved = await cataloger.SaveFile.ListAsync(false, cancellationToken).ConfigureAwait(false);
        var repositories = await console.Store.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false);
        var page = ConsolePage.Layout(context, "Online save file", "savefile") with { Problem = problem ?? (optionsProblem is null ? null : "Your export options no longer read: " + optionsProblem) };
        var levels = $"bibliographic {options.ValidateBibliographic.ToString().ToLowerInvariant()}, authority {options.ValidateAuthority.ToString().ToLowerInvariant()}";
        var model = new SaveFileModel(
            page,
            [.. saved.Select(s => SavedRecordAnalysis.Row(s, options))],
            [.. repositories.Select(r => r.Name)],
            await cataloger.DestinationRowsAsync(cancellationToken).ConfigureAwait(false),
            CatalogerExports.Describe(options),
            levels);
        return Results.RazorSlice<SaveFile, SaveFileModel>(model, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            return await ListAsync(context, console, "Choose a file of records to upload (MARC, MARCXML, MARC-in-JSON or MARC text).", cancellationToken).ConfigureAwait(false);
        }

        var flag = form["flag"].Count > 0;
        var cataloger = Cataloger.Of(context, console);
        var added = new List<long>();
        var skipped = new List<string>();
        MarcFormat detected;
        try
        {
            await using var stream = file.OpenReadStream();
            using var reader = MarcFormats.OpenReader(stream, null, MarcReaderOptions.Default, out detected, leaveOpen: true);
            foreach (var item in ExportItems.FromReader(reader, file.FileName))
            {
                if (added.Count + skipped.Count >= MaxUploadRecords)
                {
                    skipped.Add($"only the first {MaxUploadRecords} records of a file are read");
                    break;
                }

                if (item.Record is null)
                {
                    skipped.Add($"{item.Source}: {string.Join("; ", item.ReadProblems)}");
                    continue;
                }

                byte[] bytes;
                try
                {
                    bytes = Iso2709Writer.Write(item.Record);
                }
                catch (MarcFormatException e)
                {
                    skipped.Add($"{item.Source}: {e.Message}");
                    continue;
                }

                added.Add(await cataloger.SaveFile.AddAsync(item.Record, bytes, flag, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Xml.XmlException or System.Text.Json.JsonException)
        {
            return await ListAsync(context, console, $"{file.FileName} cannot be read: {e.Message}", cancellationToken).ConfigureAwait(false);
        }

        if (added.Count == 0)
        {
            return await ListAsync(context, console, $"{file.FileName}: no record could be read. {string.Join(" ", skipped.Take(5))}", cancellationToken).ConfigureAwait(false);
        }

        var notice = $"Saved {Count(added.Count)} from {file.FileName} ({detected}){(flag ? ", flagged for export" : string.Empty)}.";
        if (skipped.Count > 0)
        {
            notice += $" Skipped {skipped.Count}: {string.Join(" ", skipped.Take(5))}";
        }

        return ConsolePage.RedirectWithNotice(context, "/savefile", notice);
    }

    private static async Task<IResult> CopyAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var repository = form["repository"].ToString();
        var wanted = form["records"].ToString().Split([',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!await console.Store.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            return await ListAsync(context, console, $"Choose a repository to copy from; '{repository}' does not exist.", cancellationToken).ConfigureAwait(false);
        }

        if (wanted.Length == 0)
        {
            return await ListAsync(context, console, "Give the record ids or OCLC numbers to copy, separated by commas or spaces.", cancellationToken).ConfigureAwait(false);
        }

        var cataloger = Cataloger.Of(context, console);
        var copied = 0;
        var missing = new List<string>();
        foreach (var text in wanted)
        {
            StoredRecord? stored = null;
            if (OclcNumber.TryParse(text.Replace("(OCoLC)", string.Empty, StringComparison.Ordinal), out var oclc) && (text.StartsWith('(') || text.StartsWith("oc", StringComparison.OrdinalIgnoreCase)))
            {
                stored = (await console.Store.FindByOclcNumbersAsync(repository, [oclc], cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            }
            else if (RecordId.TryParse(text, out var id))
            {
                stored = await console.Store.GetRecordAsync(repository, id, cancellationToken).ConfigureAwait(false);
                if (stored is null && OclcNumber.TryParse(text, out var number))
                {
                    stored = (await console.Store.FindByOclcNumbersAsync(repository, [number], cancellationToken).ConfigureAwait(false)).FirstOrDefault();
                }
            }

            var diagnostics = new List<MarcDiagnostic>();
            var record = stored is null ? null : Iso2709RecordParser.Parse(stored.Content.Span, MarcReaderOptions.Default, 1, 0, diagnostics);
            if (record is null)
            {
                missing.Add(text);
                continue;
            }

            await cataloger.SaveFile.AddAsync(record, stored!.Content.ToArray(), flagged: false, cancellationToken).ConfigureAwait(false);
            copied++;
        }

        if (copied == 0)
        {
            return await ListAsync(context, console, $"{repository} holds no record {string.Join(", ", missing)}.", cancellationToken).ConfigureAwait(false);
        }

        return ConsolePage.RedirectWithNotice(context, "/savefile", $"Copied {Count(copied)} from {repository}." + (missing.Count > 0 ? $" Not found: {string.Join(", ", missing)}." : string.Empty));
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var numbers = CatalogingPages.Numbers(form);
        var action = form["action"].ToString();
        if (numbers.Count == 0)
        {
            return await ListAsync(context, console, "Select the records first (the boxes at the start of each row).", cancellationToken).ConfigureAwait(false);
        }

        var saveFile = Cataloger.Of(context, console).SaveFile;
        IReadOnlyList<long> missing;
        string done;
        switch (action)
        {
            case "flag":
                missing = await saveFile.SetFlagAsync(numbers, true, cancellationToken).ConfigureAwait(false);
                done = "Flagged for export";
                break;
            case "unflag":
                missing = await saveFile.SetFlagAsync(numbers, false, cancellationToken).ConfigureAwait(false);
                done = "Unflagged";
                break;
            case "delete":
                missing = await saveFile.RemoveAsync(numbers, cancellationToken).ConfigureAwait(false);
                done = "Deleted";
                break;
            default:
                return await ListAsync(context, console, "Choose Flag, Unflag or Delete.", cancellationToken).ConfigureAwait(false);
        }

        var changed = numbers.Count - missing.Count;
        return ConsolePage.RedirectWithNotice(context, "/savefile", $"{done}: {Count(changed)}." + (missing.Count > 0 ? $" No longer in the save file: #{string.Join(", #", missing)}." : string.Empty));
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, long number, string? editText, string? problem, CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var saved = await cataloger.SaveFile.GetAsync(number, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return ConsolePage.RedirectWithNotice(context, "/savefile", $"Save file #{number} does not exist (deleted, or exported and removed).");
        }

        var (options, _, _) = await cataloger.EffectiveOptionsAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = new List<MarcDiagnostic>();
        var record = SavedRecordAnalysis.Read(saved, diagnostics);
        var page = ConsolePage.Layout(context, $"#{number.ToString(CultureInfo.InvariantCulture)} {saved.Title}", "savefile") with { Problem = problem };
        if (record is null)
        {
            var unreadable = new SavedRecordModel(page with { Problem = "The saved record cannot be read: " + string.Join("; ", diagnostics) }, number, saved.Flagged, [], editText ?? string.Empty, [], "none", saved.LastExport);
            return Results.RazorSlice<SavedRecordPage, SavedRecordModel>(unreadable);
        }

        var level = SavedRecordAnalysis.LevelFor(record, options);
        var (lines, apart) = SavedRecordAnalysis.Display(record, level);
        var model = new SavedRecordModel(page, number, saved.Flagged, lines, editText ?? Marc.Mnemonic.MnemonicWriter.ToText(record), apart, level.ToString().ToLowerInvariant(), saved.LastExport);
        return Results.RazorSlice<SavedRecordPage, SavedRecordModel>(model, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ActAsync(HttpContext context, WebConsoleContext console, long number, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var cataloger = Cataloger.Of(context, console);
        var here = $"/savefile/{number.ToString(CultureInfo.InvariantCulture)}";
        switch (form["action"].ToString())
        {
            case "save":
                var text = form["marc"].ToString();
                var record = SavedRecordAnalysis.ParseText(text, out var problems);
                if (record is null)
                {
                    return await ShowAsync(context, console, number, text, "Not saved: the MARC text does not parse. " + string.Join(" ", problems), cancellationToken).ConfigureAwait(false);
                }

                return await cataloger.SaveFile.ReplaceAsync(number, record, Iso2709Writer.Write(record), cancellationToken).ConfigureAwait(false)
                    ? ConsolePage.RedirectWithNotice(context, here, "Saved.")
                    : ConsolePage.RedirectWithNotice(context, "/savefile", $"Save file #{number} no longer exists; nothing was saved.");
            case "flag" or "unflag":
                var flag = form["action"] == "flag";
                await cataloger.SaveFile.SetFlagAsync([number], flag, cancellationToken).ConfigureAwait(false);
                return ConsolePage.RedirectWithNotice(context, here, flag ? "Flagged for export." : "Unflagged.");
            case "delete":
                await cataloger.SaveFile.RemoveAsync([number], cancellationToken).ConfigureAwait(false);
                return ConsolePage.RedirectWithNotice(context, "/savefile", $"Deleted save file #{number}.");
            case "export":
                return await ExportEndpoints.ExportOneAsync(context, console, cataloger, number, cancellationToken).ConfigureAwait(false);
            default:
                return ConsolePage.SeeOther(here);
        }
    }

    private static string Count(int records) => records == 1 ? "1 record" : $"{records.ToString(CultureInfo.InvariantCulture)} records";
}
