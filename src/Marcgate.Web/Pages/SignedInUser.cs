namespace Marcgate.Web.Pages;

/// <summary>The staff user a request is made by.</summary>
/// <param name="Name">The user name, kept with every change the user makes.</param>
/// <param name="IsAdmin">True for an admin, false for a cataloger.</param>
public sealed record SignedInUser(string Name, bool IsAdmin)
{
    /// <summary>The role's word.</summary>
    public string Role => IsAdmin ? "admin" : "cataloger";
}
