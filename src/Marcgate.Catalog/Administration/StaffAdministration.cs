using Marcgate.Catalog.Security;
using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Administration;

/// <summary>An administrator's requests about the web console's staff users, the same for the command line and the console.</summary>
public sealed class StaffAdministration
{
    /// <summary>The longest staff user name.</summary>
    public const int MaxNameLength = 64;

    private readonly ICatalogStore _store;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;

    /// <summary>Works on one catalog store for one actor, whose changes go to the audit log.</summary>
    public StaffAdministration(ICatalogStore store, AuditActor actor, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(actor);
        _store = store;
        _audit = new AuditTrail(store, actor);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>1-64 letters, digits, '_', '-', '.' or '@' (an e-mail address may serve as a name).</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '@');

    /// <summary>The role a word names: <c>admin</c> or <c>cataloger</c>.</summary>
    public static bool TryParseRole(string? text, out StaffRole role)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "admin":
                role = StaffRole.Admin;
                return true;
            case "cataloger":
                role = StaffRole.Cataloger;
                return true;
            default:
                role = default;
                return false;
        }
    }

    /// <summary>The word for a role, as the command line and the console show it.</summary>
    public static string RoleName(StaffRole role) => role == StaffRole.Admin ? "admin" : "cataloger";

    /// <summary>Adds a staff user with a password.</summary>
    public async Task<AdministrationResult<StaffUser>> AddAsync(string name, StaffRole role, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        if (!IsValidName(name))
        {
            return Fail(AdministrationResult.Refused($"'{name}' is not a valid user name: use 1-{MaxNameLength} letters, digits, '_', '-', '.' or '@'."));
        }

        if (PasswordProblem(password) is { } problem)
        {
            return Fail(AdministrationResult.Refused(problem));
        }

        var user = new StaffUser(name, role, PasswordHasher.Hash(password), _time.GetUtcNow());
        if (!await _store.AddStaffUserAsync(user, cancellationToken).ConfigureAwait(false))
        {
            return Fail(AdministrationResult.Refused($"User '{name}' already exists; change the password with 'marcgate users passwd {name}'."));
        }

        await _audit.RecordAsync(AuditActions.StaffUserAdd, AuditSubjectKind.StaffUser, name, $"role {RoleName(role)}").ConfigureAwait(false);
        return AdministrationResult<StaffUser>.Done(user, $"Added user {name} ({RoleName(role)}).");
    }

    /// <summary>Sets a staff user's password, which also lifts a lockout of the user.</summary>
    public async Task<AdministrationResult> SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        if (PasswordProblem(password) is { } problem)
        {
            return AdministrationResult.Refused(problem);
        }

        if (!await _store.UpdateStaffPasswordAsync(name, PasswordHasher.Hash(password), cancellationToken).ConfigureAwait(false))
        {
            return NoUser(name);
        }

        // The administrator has vouched for the new password: earlier failures no longer count against the user.
        await _store.ClearLogonFailuresAsync(LockoutKey.ForStaffUser(name), cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(AuditActions.StaffUserPassword, AuditSubjectKind.StaffUser, name, "new password; failed sign-ins forgotten").ConfigureAwait(false);
        return AdministrationResult.Done($"Changed the password of user {name}.");
    }

    /// <summary>
    /// Removes a staff user with everything they kept in the catalog; refused for the last administrator, who would
    /// leave the console without one.
    /// </summary>
    public async Task<AdministrationResult> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var users = await _store.ListStaffUsersAsync(cancellationToken).ConfigureAwait(false);
        var user = users.FirstOrDefault(u => u.Name == name);
        if (user is null)
        {
            return NoUser(name);
        }

        if (user.Role == StaffRole.Admin && users.Count(u => u.Role == StaffRole.Admin) == 1 && users.Count > 1)
        {
            return AdministrationResult.Refused($"User '{name}' is the last admin; add another admin first, or the console could not be administered.");
        }

        if (!await _store.RemoveStaffUserAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return NoUser(name);
        }

        await _store.ClearLogonFailuresAsync(LockoutKey.ForStaffUser(name), cancellationToken).ConfigureAwait(false);

        // What the user kept (save file, export options, destinations, export history) goes with them: nobody else
        // can open it, and a later user given the same name must not find it.
        var documents = await _store.RemoveStaffDocumentsAsync(name, cancellationToken).ConfigureAwait(false);
        var kept = documents switch
        {
            0 => string.Empty,
            1 => " and the 1 document they kept (save file, export options, destinations, export history)",
            _ => $" and the {documents} documents they kept (save file, export options, destinations, export history)",
        };
        await _audit.RecordAsync(AuditActions.StaffUserRemove, AuditSubjectKind.StaffUser, name, $"role {RoleName(user.Role)}; {documents} documents removed").ConfigureAwait(false);
        return AdministrationResult.Done($"Removed user {name}{kept}.");
    }

    /// <summary>All staff users, ordered by name.</summary>
    public Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken cancellationToken) => _store.ListStaffUsersAsync(cancellationToken);

    // NIST SP 800-63B §5.1.1.2: at least 8 characters, no composition rules; 256 bounds the hashing work.
    private static string? PasswordProblem(string password) => password.Length switch
    {
        0 => "The password is empty; a user needs a password (there is no default).",
        < 8 => "The password is shorter than 8 characters.",
        > 256 => "The password is longer than 256 characters.",
        _ => null,
    };

    private static AdministrationResult NoUser(string name) =>
        AdministrationResult.NotFound($"User '{name}' does not exist; 'marcgate users list' shows the users.");

    private static AdministrationResult<StaffUser> Fail(AdministrationResult failure) => AdministrationResult<StaffUser>.From(failure);
}
