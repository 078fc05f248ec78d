using System.Text.Json;
using Marcgate.Catalog.Storage;
using Marcgate.Export.Options;
using Microsoft.AspNetCore.DataProtection;

namespace Marcgate.Web.Cataloging;

/// <summary>
/// A cataloger's export options: My Default, kept until changed, and the settings Saved for Session, kept for one
/// sign-in only; the session's win. The logon password is kept encrypted with the console's Data Protection keys,
/// which live in the catalog beside it, and is given back only to an export.
/// </summary>
internal sealed class CatalogerExportOptions(ICatalogStore store, IDataProtectionProvider protection, TimeProvider time, string owner)
{
    private const string PasswordPurpose = "Marcgate.Web.Cataloging.ExportPassword";

    /// <summary>Where the options in effect come from.</summary>
    public enum Source
    {
        SystemDefaults,
        MyDefault,
        Session,
    }

    public Task<ExportSettingsDocument?> LoadDefaultAsync(CancellationToken cancellationToken) =>
        LoadAsync(StaffDocumentKinds.ExportOptions, StaffDocumentKinds.DefaultKey, cancellationToken);

    public Task<ExportSettingsDocument?> LoadSessionAsync(string? signInId, CancellationToken cancellationToken) =>
        signInId is null ? Task.FromResult<ExportSettingsDocument?>(null) : LoadAsync(StaffDocumentKinds.SessionExportOptions, signInId, cancellationToken);

    /// <summary>The settings in effect for this sign-in and where they come from.</summary>
    public async Task<(ExportSettingsDocument? Settings, Source From)> LoadEffectiveAsync(string? signInId, CancellationToken cancellationToken)
    {
        if (await LoadSessionAsync(signInId, cancellationToken).ConfigureAwait(false) is { } session)
        {
            return (session, Source.Session);
        }

        return await LoadDefaultAsync(cancellationToken).ConfigureAwait(false) is { } mine ? (mine, Source.MyDefault) : (null, Source.SystemDefaults);
    }

    public Task SaveDefaultAsync(ExportSettingsDocument settings, CancellationToken cancellationToken) =>
        SaveAsync(StaffDocumentKinds.ExportOptions, StaffDocumentKinds.DefaultKey, settings, cancellationToken);

    public Task SaveSessionAsync(string signInId, ExportSettingsDocument settings, CancellationToken cancellationToken) =>
        SaveAsync(StaffDocumentKinds.SessionExportOptions, signInId, settings, cancellationToken);

    /// <summary>Forgets the settings Saved for Session (Reset, sign-out).</summary>
    public Task EndSessionAsync(string signInId, CancellationToken cancellationToken) =>
        store.RemoveStaffDocumentAsync(owner, StaffDocumentKinds.SessionExportOptions, signInId, cancellationToken);

    /// <summary>The options of a settings document, or the system defaults; null with the reason when the kept settings no longer read.</summary>
    public static ExportOptions? ToOptions(ExportSettingsDocument? settings, out string? error)
    {
        error = null;
        return settings is null ? ExportOptions.Default : ExportOptionKeys.TryApply(ExportOptions.Default, settings.Settings, out error);
    }

    public string Protect(string password) => protection.CreateProtector(PasswordPurpose, owner).Protect(password);

    /// <summary>The password, or null when none is kept or the key that encrypted it is gone.</summary>
    public string? Unprotect(string? protectedPassword)
    {
        if (protectedPassword is null)
        {
            return null;
        }

        try
        {
            return protection.CreateProtector(PasswordPurpose, owner).Unprotect(protectedPassword);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private async Task<ExportSettingsDocument?> LoadAsync(string kind, string key, CancellationToken cancellationToken)
    {
        var document = await store.GetStaffDocumentAsync(owner, kind, key, cancellationToken).ConfigureAwait(false);
        return document is null ? null : JsonSerializer.Deserialize(document.Value, CatalogingJson.Default.ExportSettingsDocument);
    }

    private Task SaveAsync(string kind, string key, ExportSettingsDocument settings, CancellationToken cancellationToken) =>
        store.SaveStaffDocumentAsync(
            new StaffDocument(owner, kind, key, JsonSerializer.Serialize(settings, CatalogingJson.Default.ExportSettingsDocument), time.GetUtcNow()),
            cancellationToken);
}
