using System.Security.Claims;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Security;

/// <summary>What the sign-in cookie says of a staff user: the name, the role, and a stamp of the password it was made with.</summary>
internal static class StaffClaims
{
    public const string AdminRole = "admin";

    // A new password (or a removed and re-added user) changes the stamp, which ends every sign-in made before it.
    public const string PasswordStamp = "marcgate:password-stamp";

    // Each sign-in has an id of its own, so that what is saved for one session ends with it (export options).
    public const string SignInId = "marcgate:signin";

    public static ClaimsPrincipal Principal(StaffUser user, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, StaffAdministration.RoleName(user.Role)),
                new Claim(PasswordStamp, Stamp(user)),
                new Claim(SignInId, Guid.NewGuid().ToString("N")),
            ],
            authenticationType));

    public static bool StillMatches(ClaimsPrincipal principal, StaffUser user) =>
        principal.FindFirstValue(ClaimTypes.Role) == StaffAdministration.RoleName(user.Role)
        && principal.FindFirstValue(PasswordStamp) == Stamp(user);

    private static string Stamp(StaffUser user) => Convert.ToHexStringLower(user.Password.Salt);
}
