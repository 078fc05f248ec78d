using Marcgate.Catalog.Storage;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices.Cataloging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Cataloging;

/// <summary><c>/destinations</c>: named export destinations (Network Zone, Institution Zone, Sandbox, …), a cataloger's own or an admin's for everyone; Check destination.</summary>
internal static class DestinationEndpoints
{
    private static readonly TimeSpan s_checkTimeout = TimeSpan.FromSeconds(10);

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/destinations", (HttpContext context, CancellationToken cancellationToken) =>
            ShowAsync(context, console, new Dictionary<string, string>(), new Dictionary<string, string>(), null, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapPost("/destinations", (HttpContext context, CancellationToken cancellationToken) => ActAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, Dictionary<string, string> values, Dictionary<string, string> problems, string? problem, CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var page = ConsolePage.Layout(context, "Export destinations", "destinations") with { Problem = problem };
        var model = new DestinationsModel(page, await cataloger.DestinationRowsAsync(cancellationToken).ConfigureAwait(false), cataloger.IsAdmin, values, problems);
        return Results.RazorSlice<Destinations, DestinationsModel>(model, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ActAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var cataloger = Cataloger.Of(context, console);
        var name = form["name"].ToString().Trim();
        var forEveryone = form["everyone"].Count > 0;
        if (forEveryone && !cataloger.IsAdmin)
        {
            return await ShowAsync(context, console, [], [], "Only an admin keeps destinations for everyone.", cancellationToken).ConfigureAwait(false);
        }

        var owner = forEveryone ? StaffDocument.Everyone : cataloger.Name;
        switch (form["action"].ToString())
        {
            case "save":
                var values = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["name"] = name,
                    ["host"] = form["host"].ToString(),
                    ["port"] = form["port"].ToString(),
                    ["logon-id"] = form["logon-id"].ToString(),
                };
                var problems = await cataloger.Destinations.SaveAsync(owner, name, values["host"], values["port"], values["logon-id"], form["password"].ToString(), cancellationToken).ConfigureAwait(false);
                if (problems.Count > 0)
                {
                    return await ShowAsync(context, console, values, problems, "Not saved: correct the values marked below.", cancellationToken).ConfigureAwait(false);
                }

                return ConsolePage.RedirectWithNotice(context, "/destinations", $"Saved destination {name}{(forEveryone ? " for everyone" : string.Empty)}.");
            case "remove":
                return await cataloger.Destinations.RemoveAsync(owner, name, cancellationToken).ConfigureAwait(false)
                    ? ConsolePage.RedirectWithNotice(context, "/destinations", $"Removed destination {name}.")
                    : await ShowAsync(context, console, [], [], $"There is no destination {name} to remove{(forEveryone ? " among everyone's" : " among yours")}.", cancellationToken).ConfigureAwait(false);
            case "check":
                var entry = await cataloger.Destinations.FindAsync(cataloger.Name, name, cancellationToken).ConfigureAwait(false);
                if (entry is null)
                {
                    return await ShowAsync(context, console, [], [], $"There is no destination {name}.", cancellationToken).ConfigureAwait(false);
                }

                var (answered, message) = await DestinationCheck.ConnectAsync(entry.Destination.Host, entry.Destination.Port, s_checkTimeout, cancellationToken).ConfigureAwait(false);
                return answered
                    ? ConsolePage.RedirectWithNotice(context, "/destinations", $"{name}: {message}")
                    : await ShowAsync(context, console, [], [], $"{name}: {message}", cancellationToken).ConfigureAwait(false);
            default:
                return ConsolePage.SeeOther("/destinations");
        }
    }
}
