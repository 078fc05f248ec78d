using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/accounts</c>: gateway logons: list, add, change, reset the password, unlock, remove (admins).</summary>
internal static class AccountsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/accounts", (HttpContext context, CancellationToken cancellationToken) =>
            ListAsync(context, console, new AccountForm(string.Empty, string.Empty, ImportOptions.DefaultProfileName, string.Empty), null, cancellationToken)).For(ConsoleAccess.Admin);
        routes.MapPost("/accounts", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var typed = new AccountForm(form["logonId"].ToString().Trim(), form["repository"].ToString(), form["profile"].ToString() is { Length: > 0 } p ? p : ImportOptions.DefaultProfileName, form["allow"].ToString());
            var result = await new AccountAdministration(console.Store, ConsolePage.Actor(context))
                .AddAsync(typed.LogonId, typed.Repository, typed.Profile, form["password"].ToString(), Addresses(typed.Allow), cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? ConsolePage.RedirectWithNotice(context, "/accounts", result.Message)
                : await ListAsync(context, console, typed, result.Message, cancellationToken).ConfigureAwait(false);
        }).For(ConsoleAccess.Admin);
        routes.MapGet("/accounts/{logonId}", (HttpContext context, string logonId, CancellationToken cancellationToken) =>
            ShowAsync(context, console, logonId, null, cancellationToken)).For(ConsoleAccess.Admin);
        routes.MapPost("/accounts/{logonId}", async (HttpContext context, string logonId, CancellationToken cancellationToken) =>
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var change = new AccountChange(logonId) { ProfileName = form["profile"].ToString(), AllowedAddresses = Addresses(form["allow"].ToString()) };
            return await AfterAsync(context, console, logonId, await new AccountAdministration(console.Store, ConsolePage.Actor(context)).ChangeAsync(change, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }).For(ConsoleAccess.Admin);
        routes.MapPost("/accounts/{logonId}/password", async (HttpContext context, string logonId, CancellationToken cancellationToken) =>
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var result = await new AccountAdministration(console.Store, ConsolePage.Actor(context)).SetPasswordAsync(logonId, form["password"].ToString(), cancellationToken).ConfigureAwait(false);
            return await AfterAsync(context, console, logonId, result, cancellationToken).ConfigureAwait(false);
        }).For(ConsoleAccess.Admin);
        routes.MapPost("/accounts/{logonId}/unlock", async (HttpContext context, string logonId, CancellationToken cancellationToken) =>
            await AfterAsync(context, console, logonId, await new AccountAdministration(console.Store, ConsolePage.Actor(context)).UnlockAsync(logonId, [], cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
            .For(ConsoleAccess.Admin);
        routes.MapPost("/accounts/{logonId}/remove", async (HttpContext context, string logonId, CancellationToken cancellationToken) =>
        {
            var result = await new AccountAdministration(console.Store, ConsolePage.Actor(context)).RemoveAsync(logonId, cancellationToken).ConfigureAwait(false);
            return result.Succeeded
                ? ConsolePage.RedirectWithNotice(context, "/accounts", result.Message)
                : await ShowAsync(context, console, logonId, result.Message, cancellationToken).ConfigureAwait(false);
        }).For(ConsoleAccess.Admin);
    }

    private static async Task<IResult> AfterAsync(HttpContext context, WebConsoleContext console, string logonId, AdministrationResult result, CancellationToken cancellationToken) =>
        result.Succeeded
            ? ConsolePage.RedirectWithNotice(context, $"/accounts/{Uri.EscapeDataString(logonId)}", result.Message)
            : await ShowAsync(context, console, logonId, result.Message, cancellationToken).ConfigureAwait(false);

    private static async Task<IResult> ListAsync(HttpContext context, WebConsoleContext console, AccountForm form, string? problem, CancellationToken cancellationToken)
    {
        var store = console.Store;
        var accounts = new List<(Account, int)>();
        foreach (var account in await store.ListAccountsAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add((account, await FailuresAsync(console, account.LogonId, cancellationToken).ConfigureAwait(false)));
        }

        var repositories = (await store.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Name).ToList();
        var page = ConsolePage.Layout(context, "Gateway accounts", "accounts") with { Problem = problem };
        var model = new AccountsModel(page, accounts, repositories, await ProfilesAsync(store, cancellationToken).ConfigureAwait(false), console.MaxFailuresPerLogonId, form);
        return ConsolePage.Render<Accounts, AccountsModel>(model, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, WebConsoleContext console, string logonId, string? problem, CancellationToken cancellationToken)
    {
        var account = await console.Store.FindAccountAsync(logonId, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return problem is null ? Results.NotFound($"Logon ID '{logonId}' does not exist.") : ConsolePage.RedirectWithNotice(context, "/accounts", problem);
        }

        var page = ConsolePage.Layout(context, $"Account {logonId}", "accounts") with { Problem = problem };
        var model = new AccountModel(page, account, await ProfilesAsync(console.Store, cancellationToken).ConfigureAwait(false), await FailuresAsync(console, logonId, cancellationToken).ConfigureAwait(false), console.MaxFailuresPerLogonId);
        return ConsolePage.Render<AccountDetails, AccountModel>(model, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Task<int> FailuresAsync(WebConsoleContext console, string logonId, CancellationToken cancellationToken) =>
        console.Store.CountLogonFailuresAsync(LockoutKey.ForLogonId(logonId), DateTimeOffset.UtcNow - console.LockoutWindow, cancellationToken);

    private static async Task<IReadOnlyList<string>> ProfilesAsync(ICatalogStore store, CancellationToken cancellationToken) =>
        [ImportOptions.DefaultProfileName, .. (await store.ListProfilesAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Name).Where(n => n != ImportOptions.DefaultProfileName)];

    private static string[] Addresses(string text) => text.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
