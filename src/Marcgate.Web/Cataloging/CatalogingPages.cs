using Marcgate.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marcgate.Web.Cataloging;

/// <summary>The cataloger's side of the console: the online save file, Export Options, named destinations and exports with their status.</summary>
public static class CatalogingPages
{
    /// <summary>Registers what the cataloging pages need beside the console's own services.</summary>
    public static IServiceCollection AddCatalogingPages(this IServiceCollection services, WebConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(provider => new CatalogerExports(
            provider.GetRequiredService<WebConsoleContext>().Store,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CatalogerExports>>(),
            options.KeptExportFiles));
        return services;
    }

    /// <summary>Maps the cataloging pages; every one is for signed-in staff, catalogers and admins alike.</summary>
    public static WebApplication MapCatalogingPages(this WebApplication app, WebConsoleContext console)
    {
        ArgumentNullException.ThrowIfNull(app);
        SaveFileEndpoints.Map(app, console);
        ExportOptionsEndpoints.Map(app, console);
        DestinationEndpoints.Map(app, console);
        ExportEndpoints.Map(app, console);
        return app;
    }

    /// <summary>Forgets what this sign-in saved for its session; called when it signs out.</summary>
    public static async Task EndSessionAsync(HttpContext context, WebConsoleContext console)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(console);
        if (context.User.Identity?.Name is { } name && context.User.FindFirst(StaffClaims.SignInId)?.Value is { } signInId)
        {
            await console.Store.RemoveStaffDocumentAsync(name, StaffDocumentKinds.SessionExportOptions, signInId, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>A numbers list from a form's <c>n</c> fields.</summary>
    internal static List<long> Numbers(IFormCollection form) =>
        [.. form["n"].Select(v => long.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n > 0).Distinct()];

    internal static string? Nonblank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
