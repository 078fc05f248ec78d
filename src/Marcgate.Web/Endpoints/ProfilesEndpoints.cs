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

/// <summary><c>/profiles</c>: import profiles: list, create, change, remove (admins).</summary>
internal static class ProfilesEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/profiles", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var administration = new CatalogAdministration(console.Store, ConsolePage.Actor(context));
            var names = (await console.Store.ListProfilesAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Name).ToList();
            if (!names.Contains(ImportOptions.DefaultProfileName))
            {
                names.Insert(0, ImportOptions.DefaultProfileName);
            }

            var profiles = new List<ProfileDetails>();
            foreach (var name in names)
            {
                if ((await administration.ShowProfileAsync(name, cancellationToken).ConfigureAwait(false)).Value is { } details)
                {
                    profiles.Add(details);
                }
            }

            return ConsolePage.Render<Profiles, ProfilesModel>(new ProfilesModel(ConsolePage.Layout(context, "Import profiles", "profiles"), profiles));
        }).For(ConsoleAccess.Admin);
        routes.MapGet("/profiles/new", (HttpContext context) =>
            ConsolePage.Render<ProfileForm, ProfileModel>(new ProfileModel(ConsolePage.Layout(context, "New import profile", "profiles"), new ImportProfile(string.Empty), IsNew: true, []))).For(ConsoleAccess.Admin);
        routes.MapGet("/profiles/{name}", async (HttpContext context, string name, CancellationToken cancellationToken) =>
        {
            var shown = await new CatalogAdministration(console.Store, ConsolePage.Actor(context)).ShowProfileAsync(name, cancellationToken).ConfigureAwait(false);
            return shown.Value is { } details
                ? ConsolePage.Render<ProfileForm, ProfileModel>(new ProfileModel(ConsolePage.Layout(context, $"Import profile {name}", "profiles"), details.Profile, IsNew: false, details.UsedBy))
                : Results.NotFound(shown.Message);
        }).For(ConsoleAccess.Admin);
        routes.MapPost("/profiles", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var profile = Read(form);
            var isNew = await console.Store.GetProfileAsync(profile.Name, cancellationToken).ConfigureAwait(false) is null && profile.Name != ImportOptions.DefaultProfileName;
            var result = Unknown(form) is { } unknown
                ? AdministrationResult<ImportProfile>.From(AdministrationResult.Refused(unknown))
                : await new CatalogAdministration(console.Store, ConsolePage.Actor(context)).SaveProfileAsync(profile, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return ConsolePage.RedirectWithNotice(context, $"/profiles/{Uri.EscapeDataString(profile.Name)}", result.Message);
            }

            var page = ConsolePage.Layout(context, isNew ? "New import profile" : $"Import profile {profile.Name}", "profiles") with { Problem = result.Message };
            return ConsolePage.Render<ProfileForm, ProfileModel>(new ProfileModel(page, profile, isNew, []), StatusCodes.Status400BadRequest);
        }).For(ConsoleAccess.Admin);
        routes.MapPost("/profiles/{name}/remove", async (HttpContext context, string name, CancellationToken cancellationToken) =>
        {
            var result = await new CatalogAdministration(console.Store, ConsolePage.Actor(context)).RemoveProfileAsync(name, cancellationToken).ConfigureAwait(false);
            return ConsolePage.RedirectWithNotice(context, result.Succeeded ? "/profiles" : $"/profiles/{Uri.EscapeDataString(name)}", result.Message);
        }).For(ConsoleAccess.Admin);
    }

    private static ImportProfile Read(IFormCollection form) => new(form["name"].ToString().Trim())
    {
        ValidationLevel = ProfileText.Levels.FirstOrDefault(l => l.Value == form["validationLevel"]).Level,
        FieldsToDelete = Patterns(form["delete"].ToString()),
        ProtectedFields = Patterns(form["protect"].ToString()),
        CopyCancelledNumbers = form["copyCancelledNumbers"] == "true",
        MatchOnOclcNumbers = form["matchOnOclcNumbers"] == "true",
        MergeMethod = ProfileText.MergeMethods.FirstOrDefault(m => m.Value == form["merge"]).Method,
        NoMatchAction = form["noMatch"] == "reject" ? NoMatchAction.Reject : NoMatchAction.Add,
        AllowLowerEncodingLevel = form["allowLowerEncodingLevel"] == "true",
    };

    // A value the form does not offer is refused rather than read as the first choice.
    private static string? Unknown(IFormCollection form) =>
        !ProfileText.Levels.Any(l => l.Value == form["validationLevel"]) ? $"'{form["validationLevel"]}' is not a validation level: use none, structure, basic or full."
        : !ProfileText.MergeMethods.Any(m => m.Value == form["merge"]) ? $"'{form["merge"]}' is not a merge method: use overlay-all-but-local, replace or keep-existing."
        : form["noMatch"].ToString() is not ("add" or "reject") ? $"'{form["noMatch"]}' is not a no-match action: use add or reject."
        : null;

    private static string[] Patterns(string text) => text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
