using Marcgate.Catalog.Security;
using Marcgate.Web.Cataloging;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/signin</c> and <c>/signout</c>: staff users sign in with a name and password and get a cookie.</summary>
internal static class SignInEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/signin", (HttpContext context, string? returnUrl) => ShowAsync(context, console, null, LocalPath(returnUrl), null)).For(ConsoleAccess.Anyone);
        routes.MapPost("/signin", (HttpContext context, CancellationToken cancellationToken) => SignInAsync(context, console, cancellationToken)).For(ConsoleAccess.Anyone);
        routes.MapPost("/signout", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            await CatalogingPages.EndSessionAsync(context, console).ConfigureAwait(false);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return ConsolePage.SeeOther("/signin");
        }).For(ConsoleAccess.Staff);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, WebConsoleContext console, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = LocalPath(form["returnUrl"]);
        if (name.Length == 0 || password.Length == 0)
        {
            return await ShowAsync(context, console, name, returnUrl, "Give your user name and password.").ConfigureAwait(false);
        }

        var (user, failure) = await new StaffSignIn(console.Store).CheckAsync(name, password, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            var problem = failure == StaffSignInFailure.LockedOut
                ? $"Too many failed sign-ins for this user: wait {StaffSignIn.Window.TotalMinutes:0} minutes, or have an admin set a new password with 'marcgate users passwd {name}'."
                : "The user name or password is wrong.";
            return await ShowAsync(context, console, name, returnUrl, problem).ConfigureAwait(false);
        }

        var principal = StaffClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
        return ConsolePage.SeeOther(returnUrl);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, string? name, string returnUrl, string? problem)
    {
        if (problem is null && context.User.Identity?.IsAuthenticated == true)
        {
            return ConsolePage.SeeOther(returnUrl);
        }

        var noUsers = (await console.Store.ListStaffUsersAsync(context.RequestAborted).ConfigureAwait(false)).Count == 0;
        var page = ConsolePage.Layout(context, "Sign in", "signin") with { User = null, Problem = problem };
        var model = new SignInModel(page, name, returnUrl, noUsers, $"marcgate users add NAME --role admin {console.StoreHint}");
        return ConsolePage.Render<SignIn, SignInModel>(model, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    // Only a path of this console: an address elsewhere would make the sign-in page an open redirect.
    private static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } path && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path
            : "/";
}
