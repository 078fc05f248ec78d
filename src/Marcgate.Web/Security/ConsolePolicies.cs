using System.Net;
using Marcgate.Catalog.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marcgate.Web.Security;

/// <summary>The authorization policies behind <see cref="ConsoleAccess"/>, and the one way endpoints get their rule.</summary>
internal static class ConsolePolicies
{
    public const string Staff = "staff";
    public const string Admin = "admin";
    public const string Metrics = "metrics";

    /// <summary>Gives the endpoint its rule: the metadata tests read and the policy that enforces it.</summary>
    public static TBuilder For<TBuilder>(this TBuilder builder, ConsoleAccess access)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ConsoleAccessRule(access));
        return access switch
        {
            ConsoleAccess.Anyone => builder.AllowAnonymous(),
            ConsoleAccess.Staff => builder.RequireAuthorization(Staff),
            ConsoleAccess.Admin => builder.RequireAuthorization(Admin),
            _ => builder.RequireAuthorization(Metrics),
        };
    }

    // An empty allow list allows every address to an account; here it adds none beyond loopback.
    public static void Add(AuthorizationBuilder authorization, WebConsoleOptions options)
    {
        var allowList = options.MetricsAllowList.ToArray();
        authorization
            .AddPolicy(Staff, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(StaffClaims.AdminRole))
            .AddPolicy(Metrics, policy => policy.RequireAssertion(context =>
                context.User.Identity?.IsAuthenticated == true
                || (context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } peer
                    && (IPAddress.IsLoopback(peer) || (allowList.Length > 0 && AddressAllowList.Allows(allowList, peer.ToString()))))));
    }
}
