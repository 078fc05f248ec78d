namespace Marcgate.Web.Security;

/// <summary>Who may reach a console endpoint; every endpoint carries one (tests enumerate them).</summary>
public enum ConsoleAccess
{
    /// <summary>Anyone, signed in or not: sign-in, health, static files.</summary>
    Anyone,

    /// <summary>Any signed-in staff user, admin or cataloger.</summary>
    Staff,

    /// <summary>Signed-in admins only; catalogers get 403.</summary>
    Admin,

    /// <summary>Signed-in staff, or without signing in from loopback or <see cref="WebConsoleOptions.MetricsAllowList"/>.</summary>
    Metrics,
}
