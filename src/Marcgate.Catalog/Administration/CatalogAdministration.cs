using Marcgate.Catalog.Import;
using Marcgate.Catalog.Profiles;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;

namespace Marcgate.Catalog.Administration;

/// <summary>An administrator's requests about import profiles and repositories, the same for the command line and the console.</summary>
public sealed class CatalogAdministration
{
    private readonly ICatalogStore _store;
    private readonly AuditTrail _audit;

    /// <summary>Works on one catalog store for one actor, whose changes go to the audit log.</summary>
    public CatalogAdministration(ICatalogStore store, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        _store = store;
        _audit = new AuditTrail(store, actor);
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

        if (!await _store.AddRepositoryAsync(name, at, cancellationToken).ConfigureAwait(false))
        {
            return AdministrationResult.Refused($"Repository '{name}' already exists.");
        }

        await _audit.RecordAsync(AuditActions.RepositoryAdd, AuditSubjectKind.Repository, name, string.Empty).ConfigureAwait(false);
        return AdministrationResult.Done($"Added repository {name}.");
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
        var before = await _store.GetProfileAsync(profile.Name, cancellationToken).ConfigureAwait(false);
        await _store.SaveProfileAsync(profile, cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(AuditActions.ProfileSet, AuditSubjectKind.Profile, profile.Name, Changes(before, profile)).ConfigureAwait(false);
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

        if (!await _store.RemoveProfileAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return AdministrationResult.NotFound($"Import profile '{name}' was removed meanwhile.");
        }

        await _audit.RecordAsync(AuditActions.ProfileRemove, AuditSubjectKind.Profile, name, string.Empty).ConfigureAwait(false);
        return AdministrationResult.Done($"Removed import profile {name}.");
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
            if (!await _store.RemoveRepositoryAsync(name, cancellationToken).ConfigureAwait(false))
            {
                return AdministrationResult.NotFound($"Repository '{name}' was removed meanwhile.");
            }
        }
        catch (InvalidOperationException)
        {
            return AdministrationResult.Refused($"Repository '{name}' got an account meanwhile; nothing was removed.");
        }

        await _audit.RecordAsync(AuditActions.RepositoryRemove, AuditSubjectKind.Repository, name, records > 0 ? $"with its {Records(records)}" : "held no records").ConfigureAwait(false);
        return AdministrationResult.Done(records > 0 ? $"Removed repository {name} with its {Records(records)}." : $"Removed repository {name}.");
    }

    private async Task<IReadOnlyList<string>> AccountsUsingAsync(string profile, CancellationToken cancellationToken) =>
        [.. (await _store.ListAccountsAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.ProfileName == profile).Select(a => a.LogonId)];

    private static string Accounts(IReadOnlyList<string> logonIds) =>
        (logonIds.Count == 1 ? "logon ID " : "logon IDs ") + string.Join(", ", logonIds);

    private static string[] Patterns(IReadOnlyList<string> texts) =>
        TagPatternList.TryParse(texts, out var patterns, out _) ? [.. patterns.Select(p => p.Text)] : [.. texts];

    // What an audit entry says of a saved profile: every setting when new, else the settings that changed, from what to what.
    private static string Changes(ImportProfile? before, ImportProfile after)
    {
        var now = Settings(after);
        if (before is null)
        {
            return "created: " + string.Join(" ", now.Select(s => $"{s.Name}={s.Value}"));
        }

        var changes = Settings(before).Zip(now).Where(p => p.First.Value != p.Second.Value).Select(p => $"{p.First.Name} {p.First.Value} -> {p.Second.Value}").ToList();
        return changes.Count == 0 ? "saved unchanged" : "changed: " + string.Join("; ", changes);
    }

    private static (string Name, string Value)[] Settings(ImportProfile profile) =>
    [
        ("validation", profile.ValidationLevel.ToString().ToLowerInvariant()),
        ("delete", profile.FieldsToDelete.Count == 0 ? "-" : string.Join(",", profile.FieldsToDelete)),
        ("protect", profile.ProtectedFields.Count == 0 ? "-" : string.Join(",", profile.ProtectedFields)),
        ("019-to-035z", Yes(profile.CopyCancelledNumbers)),
        ("match-oclc", Yes(profile.MatchOnOclcNumbers)),
        ("merge", Words(profile.MergeMethod.ToString())),
        ("no-match", profile.NoMatchAction.ToString().ToLowerInvariant()),
        ("allow-lower-encoding-level", Yes(profile.AllowLowerEncodingLevel)),
    ];

    private static string Yes(bool value) => value ? "yes" : "no";

    // OverlayAllButLocal as the command line spells it: overlay-all-but-local.
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i == 0 ? string.Empty : "-") + char.ToLowerInvariant(c) : c.ToString()));

    private static string Records(long count) => count == 1 ? "1 record" : $"{count} records";
}
