using Marcgate.Catalog.Storage;

namespace Marcgate.Catalog.Security;

/// <summary>Checks a staff user's name and password for the web console, locking the user out after repeated failures.</summary>
/// <remarks>
/// Failures are counted in the store, so every node serving the catalog sees them. A name that does not exist fails
/// the same way, after the same hashing work, so the answer does not tell which names exist.
/// </remarks>
public sealed class StaffSignIn
{
    /// <summary>Failed sign-ins within <see cref="Window"/> that lock a user out.</summary>
    public const int MaxFailures = 5;

    /// <summary>How far back failures count, and how long a lockout lasts from the last of them.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Verified when the name is unknown, so that an unknown name costs the same as a wrong password.
    private static readonly PasswordHash s_decoy = PasswordHasher.Hash("decoy password, never valid");

    private readonly ICatalogStore _store;
    private readonly TimeProvider _time;

    /// <summary>Checks against one catalog store.</summary>
    public StaffSignIn(ICatalogStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The user when the password is right and the user is not locked out; otherwise null with the reason.</summary>
    public async Task<(StaffUser? User, StaffSignInFailure Failure)> CheckAsync(string name, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var now = _time.GetUtcNow();
        var key = LockoutKey.ForStaffUser(name);
        if (await _store.CountLogonFailuresAsync(key, now - Window, cancellationToken).ConfigureAwait(false) >= MaxFailures)
        {
            return (null, StaffSignInFailure.LockedOut);
        }

        var user = await _store.FindStaffUserAsync(name, cancellationToken).ConfigureAwait(false);
        var right = PasswordHasher.Verify(password, user?.Password ?? s_decoy) && user is not null;
        if (!right)
        {
            var failures = await _store.RecordLogonFailureAsync(key, now, Window, cancellationToken).ConfigureAwait(false);
            return (null, failures >= MaxFailures ? StaffSignInFailure.LockedOut : StaffSignInFailure.WrongNameOrPassword);
        }

        await _store.ClearLogonFailuresAsync(key, cancellationToken).ConfigureAwait(false);
        return (user, StaffSignInFailure.None);
    }
}
