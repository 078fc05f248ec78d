using Marcgate.Catalog.Import;
using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Catalog.Administration;

/// <summary>An administrator's requests about import profiles and repositories, the same for the command line and the console.</summary>
public sealed class CatalogAdministration
{
    private readonly ICatalogStore _store;

    /// <summary>Works on one catalog store.</summary>
    public CatalogAdministration(ICatalogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>A profile with the accounts using it; the built-in default when none of that name is saved.</summary>
    public async Task<AdministrationResult<ProfileDetails>> ShowProfileAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var profile = await _store.GetProfileAsync(name, cancellationToken).ConfigureAwait(false);
        var builtIn = profile is null && name == ImportOptions.DefaultProfileName;
        if (builtIn)
        {
            profile = new ImportProfile(ImportOptions.DefaultProfileName);
        }

        if (profile is null)
        {
            return AdministrationResult<ProfileDetails>.From(AdministrationResult.NotFound($"Import profile '{name}' does not exist; 'marcgate profiles list' shows them."));
        }

        var users = await AccountsUsingAsync(name, cancellationToken).ConfigureAwait(false);
        return AdministrationResult<ProfileDetails>.Done(new ProfileDetails(profile, builtIn, users));
    }

    /// <summary>Adds a repository.</summary>
    public async Task<AdministrationResult> AddRepositoryAsync(string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!CatalogNames.IsValid(name))
        {
            return AdministrationResult.Refused($"'{name}' is not a valid repository name: use 1-64 letters, digits, '_', '-' or '.'.");
        }

        return await _store.AddRepositoryAsync(name, at, cancellationToken).ConfigureAwait(false)
            ? AdministrationResult.Done($"Added repository {name}.")
            : AdministrationResult.Refused($"Repository '{name}' already exists.");
    }

    /// <summary>Creates or replaces a profile after checking it (<see cref="ImportProfileCheck"/>); tag lists are saved one pattern an entry.</summary>
    public async Task<AdministrationResult<ImportProfile>> SaveProfileAsync(ImportProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!CatalogNames.IsValid(profile.Name))
        {
            return AdministrationResult<ImportProfile>.From(AdministrationResult.Refused($"'{profile.Name}' is not a valid profile name: use 1-64 letters, digits, '_', '-' or '.'."));
        }

        var errors = ImportProfileCheck.Problems(profile);
        if (errors.Count > 0)
        {
            return AdministrationResult<ImportProfile>.From(AdministrationResult.Refused(string.Join(Environment.NewLine, errors)));
        }

        // Saved one pattern an entry, as the list shows them, whichever separators were typed.
        profile = profile with { FieldsToDelete = Patterns(profile.FieldsToDelete), ProtectedFields = Patterns(profile.ProtectedFields) };
        await _store.SaveProfileAsync(profile, cancellationToken).ConfigureAwait(false);
        return AdministrationResult<ImportProfile>.Done(profile, $"Saved profile {profile.Name}.");
    }

    /// <summary>Removes a saved profile; refused while an account uses it.</summary>
    public async Task<AdministrationResult> RemoveProfileAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (await _store.GetProfileAsync(name, cancellationToken).ConfigureAwait(false) is null)
        {
            return AdministrationResult.NotFound(name == ImportOptions.DefaultProfileName
                ? $"Import profile '{name}' is the built-in default and is not saved; there is nothing to remove."
                : $"Import profile '{name}' does not exist; 'marcgate profiles list' shows them.");
        }

        var users = await AccountsUsingAsync(name, cancellationToken).ConfigureAwait(false);
        if (users.Count > 0)
        {
            return AdministrationResult.Refused(
                $"Import profile '{name}' is used by {Accounts(users)}; give them another profile ('marcgate accounts set --logon-id ID --profile P') first.");
        }

        return await _store.RemoveProfileAsync(name, cancellationToken).ConfigureAwait(false)
            ? AdministrationResult.Done($"Removed import profile {name}.")
            : AdministrationResult.NotFound($"Import profile '{name}' was removed meanwhile.");
    }

    /// <summary>Removes a repository; refused while accounts write to it, and while it holds records unless <paramref name="force"/>.</summary>
    public async Task<AdministrationResult> RemoveRepositoryAsync(string name, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!await _store.RepositoryExistsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return AdministrationResult.NotFound($"Repository '{name}' does not exist; 'marcgate repositories list' shows them.");
        }

        var writers = (await _store.ListAccountsAsync(cancellationToken).ConfigureAwait(false))
            .Where(a => a.Repository == name).Select(a => a.LogonId).ToList();
        if (writers.Count > 0)
        {
            return AdministrationResult.Refused($"Repository '{name}' is written by {Accounts(writers)}; remove them or move them to another repository first.");
        }

        var records = await _store.CountRecordsAsync(name, cancellationToken).ConfigureAwait(false);
        if (records > 0 && !force)
        {
            return AdministrationResult.Refused($"Repository '{name}' holds {Records(records)}; add --force to remove it with its records and their history.");
        }

        try
        {
            return await _store.RemoveRepositoryAsync(name, cancellationToken).ConfigureAwait(false)
                ? AdministrationResult.Done(records > 0 ? $"Removed repository {name} with its {Records(records)}." : $"Removed repository {name}.")
                : AdministrationResult.NotFound($"Repository '{name}' was removed meanwhile.");
        }
        catch (InvalidOperationException)
        {
            return AdministrationResult.Refused($"Repository '{name}' got an account meanwhile; nothing was removed.");
        }
    }

    private async Task<IReadOnlyList<string>> AccountsUsingAsync(string profile, CancellationToken cancellationToken) =>
        [.. (await _store.ListAccountsAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.ProfileName == profile).Select(a => a.LogonId)];

    private static string Accounts(IReadOnlyList<string> logonIds) =>
        (logonIds.Count == 1 ? "logon ID " : "logon IDs ") + string.Join(", ", logonIds);

    private static string[] Patterns(IReadOnlyList<string> texts) =>
        TagPatternList.TryParse(texts, out var patterns, out _) ? [.. patterns.Select(p => p.Text)] : [.. texts];

    private static string Records(long count) => count == 1 ? "1 record" : $"{count} records";
}
