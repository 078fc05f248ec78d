using System.Security.Claims;
using Marcgate.Catalog.Storage;
using Marcgate.Export.Options;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marcgate.Web.Cataloging;

/// <summary>The signed-in cataloger a request is for, with their save file, export options and destinations.</summary>
internal sealed class Cataloger
{
    private Cataloger(HttpContext context, ICatalogStore store)
    {
        Name = ConsolePage.UserName(context);
        IsAdmin = context.User.IsInRole(StaffClaims.AdminRole);
        SignInId = context.User.FindFirstValue(StaffClaims.SignInId);
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var protection = context.RequestServices.GetRequiredService<IDataProtectionProvider>();
        SaveFile = new CatalogerSaveFile(store, Name, time);
        Options = new CatalogerExportOptions(store, protection, time, Name);
        Destinations = new NamedDestinations(store, protection, time);
        Exports = context.RequestServices.GetRequiredService<CatalogerExports>();
    }

    public string Name { get; }

    public bool IsAdmin { get; }

    /// <summary>This sign-in's id; null for a cookie made before sign-ins had one, which then has no session settings.</summary>
    public string? SignInId { get; }

    public CatalogerSaveFile SaveFile { get; }

    public CatalogerExportOptions Options { get; }

    public NamedDestinations Destinations { get; }

    public CatalogerExports Exports { get; }

    public static Cataloger Of(HttpContext context, WebConsoleContext console) => new(context, console.Store);

    /// <summary>The options in effect (session over My Default over the system defaults), the logon password they keep, and a problem when the kept settings no longer read.</summary>
    public async Task<(ExportOptions Options, string? Password, string? Problem)> EffectiveOptionsAsync(CancellationToken cancellationToken)
    {
        var (settings, _) = await Options.LoadEffectiveAsync(SignInId, cancellationToken).ConfigureAwait(false);
        var options = CatalogerExportOptions.ToOptions(settings, out var problem);
        return (options ?? ExportOptions.Default, Options.Unprotect(settings?.ProtectedPassword), problem);
    }

    public async Task<IReadOnlyList<DestinationRow>> DestinationRowsAsync(CancellationToken cancellationToken) =>
        [.. (await Destinations.ListAsync(Name, cancellationToken).ConfigureAwait(false))
            .Select(e => new DestinationRow(e.Name, e.ForEveryone, e.Destination.Host, e.Destination.Port, e.Destination.LogonId, e.Destination.ProtectedPassword is not null))];
}
