using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices.Cataloging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Cataloging;

/// <summary><c>/export-options</c>: Connexion's General → Admin → Export Options, with Save My Default, Save for Session, Reset and Cancel.</summary>
internal static class ExportOptionsEndpoints
{
    public const string Path = "/export-options";

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet(Path, (HttpContext context, CancellationToken cancellationToken) => ShowAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
        routes.MapPost(Path, (HttpContext context, CancellationToken cancellationToken) => SaveAsync(context, console, cancellationToken)).For(ConsoleAccess.Staff);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var cataloger = Cataloger.Of(context, console);
        var (settings, from) = await cataloger.Options.LoadEffectiveAsync(cataloger.SignInId, cancellationToken).ConfigureAwait(false);
        var options = CatalogerExportOptions.ToOptions(settings, out var problem);
        var values = options is null ? new Dictionary<string, string>(settings!.Settings, StringComparer.Ordinal) : ExportOptionsForm.ValuesOf(options);
        var page = ConsolePage.Layout(context, "Export Options", "export-options") with { Problem = problem is null ? null : "The kept settings no longer read: " + problem };
        return Results.RazorSlice<ExportOptionsPage, ExportOptionsModel>(new ExportOptionsModel(page, values, new Dictionary<string, string>(), settings?.ProtectedPassword is not null, SourceText(from)));
    }

    private static async Task<IResult> SaveAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var cataloger = Cataloger.Of(context, console);
        var action = form["action"].ToString();
        switch (action)
        {
            case "cancel":
                return ConsolePage.RedirectWithNotice(context, "/savefile", "Export options not changed.");
            case "reset":
                if (cataloger.SignInId is { } session)
                {
                    await cataloger.Options.EndSessionAsync(session, cancellationToken).ConfigureAwait(false);
                }

                var mine = await cataloger.Options.LoadDefaultAsync(cancellationToken).ConfigureAwait(false);
                return ConsolePage.RedirectWithNotice(context, Path, mine is null ? "Reset to the system defaults (you have no My Default)." : "Reset to My Default.");
            case "default" or "session":
                break;
            default:
                return ConsolePage.SeeOther(Path);
        }

        var values = ExportOptionsForm.ValuesOf(key => form.TryGetValue(key, out var value) ? value.ToString() : null);
        var (current, from) = await cataloger.Options.LoadEffectiveAsync(cataloger.SignInId, cancellationToken).ConfigureAwait(false);
        var forgetPassword = form["forget-password"].Count > 0;
        var newPassword = form["password"].ToString();
        var passwordSaved = !forgetPassword && (newPassword.Length > 0 || current?.ProtectedPassword is not null);
        if (ExportOptionsForm.Check(values, out var problems) is null)
        {
            var page = ConsolePage.Layout(context, "Export Options", "export-options") with { Problem = "Not saved: correct the values marked below." };
            return Results.RazorSlice<ExportOptionsPage, ExportOptionsModel>(new ExportOptionsModel(page, values, problems, current?.ProtectedPassword is not null, SourceText(from)), StatusCodes.Status400BadRequest);
        }

        if (action == "session" && cataloger.SignInId is null)
        {
            return ConsolePage.RedirectWithNotice(context, Path, "Sign out and in again to save for a session: this sign-in predates sessions.");
        }

        // The password typed is encrypted at once; the page never shows it again, and nothing logs the form.
        var settings = new ExportSettingsDocument
        {
            Settings = ExportOptionsForm.Settings(values),
            ProtectedPassword = forgetPassword ? null : newPassword.Length > 0 ? cataloger.Options.Protect(newPassword) : current?.ProtectedPassword,
        };
        if (action == "default")
        {
            await cataloger.Options.SaveDefaultAsync(settings, cancellationToken).ConfigureAwait(false);
            if (cataloger.SignInId is { } session)
            {
                // My Default is what this session uses from now on, as in Connexion.
                await cataloger.Options.EndSessionAsync(session, cancellationToken).ConfigureAwait(false);
            }

            return ConsolePage.RedirectWithNotice(context, Path, "Saved as My Default" + (passwordSaved ? " (password saved)." : "."));
        }

        await cataloger.Options.SaveSessionAsync(cataloger.SignInId!, settings, cancellationToken).ConfigureAwait(false);
        return ConsolePage.RedirectWithNotice(context, Path, "Saved for this session; signing out forgets these settings.");
    }

    private static string SourceText(CatalogerExportOptions.Source from) => from switch
    {
        CatalogerExportOptions.Source.Session => "settings saved for this session",
        CatalogerExportOptions.Source.MyDefault => "My Default",
        _ => "the system defaults",
    };
}
