namespace Marcgate.Catalog.Security;

/// <summary>Why a staff user's sign-in failed.</summary>
public enum StaffSignInFailure
{
    /// <summary>It did not fail.</summary>
    None,

    /// <summary>The name or the password is wrong (which one is not said).</summary>
    WrongNameOrPassword,

    /// <summary>Too many failures lately; the user must wait or have an administrator set a new password.</summary>
    LockedOut,
}
