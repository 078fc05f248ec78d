namespace Marcgate.Web.Pages;

/// <summary>The sign-in page.</summary>
/// <param name="Page">The layout.</param>
/// <param name="Name">The name typed last time, kept after a failure.</param>
/// <param name="ReturnUrl">The console path to go to after signing in.</param>
/// <param name="NoUsers">True when no staff user exists yet.</param>
/// <param name="FirstAdminCommand">The command that creates the first admin for this host's store.</param>
public sealed record SignInModel(LayoutModel Page, string? Name, string ReturnUrl, bool NoUsers, string FirstAdminCommand);
