using System.Net;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>An administrator's requests about gateway logons that need no password, the same for the command line and the console.</summary>
public sealed class AccountAdministration
{
    private readonly ICatalogStore _store;
    private readonly AuditTrail _audit;

    /// <summary>Works on one catalog store for one actor, whose changes go to the audit log.</summary>
    public AccountAdministration(ICatalogStore store, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        _store = store;
        _audit = new AuditTrail(store, actor);
    }

    /// <summary>Adds a gateway logon that writes <paramref name="repository"/> with a profile and a password.</summary>
    public async Task<AdministrationResult<Account>> AddAsync(string logonId, string repository, string profileName, string password, IReadOnlyList<string> allowedAddresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var check = await CheckAddAsync(logonId, repository, profileName, allowedAddresses, cancellationToken).ConfigureAwait(false);
        if (!check.Succeeded)
        {
            return Fail(check);
        }

        if (password.Length == 0)
        {
            return Fail(AdministrationResult.Refused("The password is empty; a logon needs a password (there is no default)."));
        }

        var account = new Account(logonId, repository, profileName, PasswordHasher.Hash(password)) { AllowedAddresses = [.. allowedAddresses] };
        await _store.SaveAccountAsync(account, cancellationToken).ConfigureAwait(false);
        var writes = $"writes {repository} with profile {profileName}, from {From(allowedAddresses)}";
        await _audit.RecordAsync(AuditActions.AccountAdd, AuditSubjectKind.Account, logonId, writes).ConfigureAwait(false);
        return AdministrationResult<Account>.Done(account, $"Added logon ID {logonId}: {writes}.");
    }

    /// <summary>
    /// Whether <see cref="AddAsync"/> would add the logon, all but the password: for the command line, which asks for
    /// the password only when the rest is right.
    /// </summary>
    public async Task<AdministrationResult> CheckAddAsync(string logonId, string repository, string profileName, IReadOnlyList<string> allowedAddresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logonId);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(profileName);
        ArgumentNullException.ThrowIfNull(allowedAddresses);
        if (!CatalogNames.IsValidLogonId(logonId))
        {
            return AdministrationResult.Refused($"'{logonId}' is not a valid logon ID: use 1-191 printable ASCII characters without spaces.");
        }

        if (!await _store.RepositoryExistsAsync(repository, cancellationToken).ConfigureAwait(false))
        {
            return AdministrationResult.NotFound($"Repository '{repository}' does not exist; add it with 'marcgate repositories add {repository}'.");
        }

        if (profileName != ImportOptions.DefaultProfileName && await _store.GetProfileAsync(profileName, cancellationToken).ConfigureAwait(false) is null)
        {
            return AdministrationResult.NotFound($"Import profile '{profileName}' does not exist; create it with 'marcgate profiles set {profileName} …' or use the default profile.");
        }

        if (allowedAddresses.FirstOrDefault(a => !AddressAllowList.TryParseEntry(a, out _)) is { } bad)
        {
            return AdministrationResult.Refused($"'{bad}' is not an IP address or CIDR range (e.g. 192.0.2.7 or 192.0.2.0/24).");
        }

        return await _store.FindAccountAsync(logonId, cancellationToken).ConfigureAwait(false) is not null
            ? AdministrationResult.Refused($"Logon ID '{logonId}' already exists; change its password with 'marcgate accounts passwd --logon-id {logonId}'.")
            : AdministrationResult.Done(string.Empty);
    }

    /// <summary>Sets a logon's password, which also lifts a lockout of the logon ID: the administrator has vouched for it.</summary>
    public async Task<AdministrationResult> SetPasswordAsync(string logonId, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logonId);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length == 0)
        {
            return AdministrationResult.Refused("The password is empty; a logon needs a password (there is no default).");
        }

        if (!await _store.UpdatePasswordAsync(logonId, PasswordHasher.Hash(password), cancellationToken).ConfigureAwait(false))
        {
            return AdministrationResult.NotFound($"Logon ID '{logonId}' does not exist; 'marcgate accounts list' shows the logons.");
        }

        await _store.ClearLogonFailuresAsync(LockoutKey.ForLogonId(logonId), cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(AuditActions.AccountPassword, AuditSubjectKind.Account, logonId, "new password; failed logons forgotten").ConfigureAwait(false);
        return AdministrationResult.Done($"Changed the password of logon ID {logonId}.");
    }

    /// <summary>Removes a logon; its repository and records stay.</summary>
    public async Task<AdministrationResult> RemoveAsync(string logonId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logonId);
        var account = await _store.FindAccountAsync(logonId, cancellationToken).ConfigureAwait(false);
        if (account is null || !await _store.RemoveAccountAsync(logonId, cancellationToken).ConfigureAwait(false))
        {
            return AdministrationResult.NotFound($"Logon ID '{logonId}' does not exist; 'marcgate accounts list' shows the logons.");
        }

        await _audit.RecordAsync(AuditActions.AccountRemove, AuditSubjectKind.Account, logonId, $"wrote {account.Repository} with profile {account.ProfileName}").ConfigureAwait(false);
        return AdministrationResult.Done($"Removed logon ID {logonId}.");
    }

    /// <summary>Changes an account's profile and allow list, keeping its password.</summary>
    public async Task<AdministrationResult<Account>> ChangeAsync(AccountChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.ProfileName is null && change.AllowedAddresses is null)
        {
            return Fail(AdministrationResult.Refused("Nothing to change: give a profile, addresses to allow, or no addresses to allow any."));
        }

        var account = await _store.FindAccountAsync(change.LogonId, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return Fail(AdministrationResult.NotFound($"Logon ID '{change.LogonId}' does not exist; 'marcgate accounts list' shows the logons."));
        }

        if (change.ProfileName is { } profile && profile != ImportOptions.DefaultProfileName
            && await _store.GetProfileAsync(profile, cancellationToken).ConfigureAwait(false) is null)
        {
            return Fail(AdministrationResult.NotFound($"Import profile '{profile}' does not exist; create it with 'marcgate profiles set {profile} …' or use the default profile."));
        }

        if (change.AllowedAddresses?.FirstOrDefault(a => !AddressAllowList.TryParseEntry(a, out _)) is { } bad)
        {
            return Fail(AdministrationResult.Refused($"'{bad}' is not an IP address or CIDR range (e.g. 192.0.2.7 or 192.0.2.0/24)."));
        }

        var changed = account with
        {
            ProfileName = change.ProfileName ?? account.ProfileName,
            AllowedAddresses = change.AllowedAddresses is { } allowed ? [.. allowed] : account.AllowedAddresses,
        };
        await _store.SaveAccountAsync(changed, cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(AuditActions.AccountSet, AuditSubjectKind.Account, changed.LogonId, Changes(account, changed)).ConfigureAwait(false);
        return AdministrationResult<Account>.Done(changed, $"Changed logon ID {changed.LogonId}: writes {changed.Repository} with profile {changed.ProfileName}, from {From(changed.AllowedAddresses)}.");
    }

    /// <summary>
    /// Lifts the lockouts of a logon ID and forgets its failed logons: of the logon ID from every address, and for each peer
    /// address given, of the logon ID at that address and of the address itself (which counts the failures of every logon ID from there).
    /// </summary>
    /// <remarks>Running hosts on the store see the change within <see cref="LockoutPolicy.Recheck"/>.</remarks>
    public async Task<AdministrationResult> UnlockAsync(string logonId, IReadOnlyList<string> peerAddresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logonId);
        ArgumentNullException.ThrowIfNull(peerAddresses);
        if (peerAddresses.FirstOrDefault(a => !IPAddress.TryParse(a, out _)) is { } bad)
        {
            return AdministrationResult.Refused($"'{bad}' is not an IP address.");
        }

        if (await _store.FindAccountAsync(logonId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AdministrationResult.NotFound($"Logon ID '{logonId}' does not exist; 'marcgate accounts list' shows the logons.");
        }

        var parts = new List<string> { await ClearAsync(LockoutKey.ForLogonId(logonId), $"logon ID {logonId}", cancellationToken).ConfigureAwait(false) };
        foreach (var address in peerAddresses.Select(Canonical).Distinct(StringComparer.Ordinal))
        {
            parts.Add(await ClearAsync(LockoutKey.ForLogonIdAtAddress(logonId, address), $"logon ID {logonId} at address {address}", cancellationToken).ConfigureAwait(false));
            parts.Add(await ClearAsync(LockoutKey.ForPeerAddress(address), $"address {address}", cancellationToken).ConfigureAwait(false));
        }

        var done = string.Join(" ", parts);
        await _audit.RecordAsync(AuditActions.AccountUnlock, AuditSubjectKind.Account, logonId, done).ConfigureAwait(false);
        return AdministrationResult.Done(done);
    }

    /// <summary>The lockouts in force at <paramref name="now"/>: of logon IDs, of addresses, and of logon IDs at one address.</summary>
    public Task<IReadOnlyList<LogonLock>> ListLockoutsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _store.ListLogonLocksAsync(now, cancellationToken);

    private async Task<string> ClearAsync(LockoutKey key, string what, CancellationToken cancellationToken)
    {
        var failures = await _store.CountLogonFailuresAsync(key, DateTimeOffset.UnixEpoch, cancellationToken).ConfigureAwait(false);
        var locked = await _store.GetLogonLockEndAsync(key, cancellationToken).ConfigureAwait(false) is not null;
        if (failures == 0 && !locked)
        {
            return $"No failed logons of {what} to forget.";
        }

        await _store.ClearLogonFailuresAsync(key, cancellationToken).ConfigureAwait(false);
        var forgot = failures == 1 ? "1 failed logon" : $"{failures} failed logons";
        return locked ? $"Lifted the lockout of {what} and forgot {forgot}." : $"Forgot {forgot} of {what}.";
    }

    // The host records IPv4 peers of a dual-stack listener as a.b.c.d, so ::ffff:a.b.c.d names the same address.
    private static string Canonical(string address)
    {
        var parsed = IPAddress.Parse(address);
        return (parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed).ToString();
    }

    private static string From(IReadOnlyList<string> allowedAddresses) => allowedAddresses.Count == 0 ? "any address" : string.Join(", ", allowedAddresses);

    // What an audit entry says of a change: the settings that changed, from what to what.
    private static string Changes(Account before, Account after)
    {
        var changes = new List<string>();
        if (before.ProfileName != after.ProfileName)
        {
            changes.Add($"profile {before.ProfileName} -> {after.ProfileName}");
        }

        if (!before.AllowedAddresses.SequenceEqual(after.AllowedAddresses, StringComparer.Ordinal))
        {
            changes.Add($"from {From(before.AllowedAddresses)} -> {From(after.AllowedAddresses)}");
        }

        return changes.Count == 0 ? "nothing changed" : string.Join("; ", changes);
    }

    private static AdministrationResult<Account> Fail(AdministrationResult failure) => AdministrationResult<Account>.From(failure);
}
