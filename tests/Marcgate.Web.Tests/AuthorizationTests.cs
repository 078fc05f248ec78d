using System.Net;
using Marcgate.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Marcgate.Web.Tests;

/// <summary>Every endpoint of the console has a rule, and each rule holds for anonymous visitors, catalogers and admins.</summary>
public sealed class AuthorizationTests
{
    // Route values that name things the seeded catalog holds, so that an allowed request finds its page.
    private static readonly Dictionary<string, string> s_values = new(StringComparer.Ordinal)
    {
        ["repository"] = CatalogSeed.Repository,
        ["name"] = CatalogSeed.Repository,
        ["logonId"] = CatalogSeed.LogonId,
        ["format"] = "mrk",
        ["number"] = "1",
    };

    [Fact]
    public async Task Every_endpoint_says_who_may_reach_it()
    {
        await using var server = await ConsoleServer.StartAsync();

        var missing = Endpoints(server).Where(e => e.Metadata.GetMetadata<ConsoleAccessRule>() is null).Select(Describe).ToList();

        Assert.True(missing.Count == 0, "endpoints without a ConsoleAccess rule: " + string.Join(", ", missing));
        Assert.True(Endpoints(server).Count() >= 25, "the console's endpoints were not found");
    }

    [Fact]
    public async Task Each_endpoint_answers_anonymous_visitors_catalogers_and_admins_as_its_rule_says()
    {
        await using var server = await ConsoleServer.StartAsync();
        var recordId = await CatalogSeed.SeedAsync(server.Store);
        var review = (await server.Store.ListReviewItemsAsync(null, 1, default))[0].Id;
        using var anonymous = server.Client();
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);
        var problems = new List<string>();

        foreach (var endpoint in Endpoints(server))
        {
            var access = endpoint.Metadata.GetMetadata<ConsoleAccessRule>()!.Access;
            var path = Path(endpoint, recordId.ToString(), review);
            var isGet = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true;

            // POSTs carry no antiforgery token here: an allowed request then fails the token check (400), past authorization.
            async Task<HttpResponseMessage> Send(ConsoleClient client) => isGet ? await client.GetHeadersAsync(path) : await client.PostRawAsync(path, []);

            using var asAnonymous = await Send(anonymous);
            using var asCataloger = await Send(cataloger);
            using var asAdmin = await Send(admin);
            var expectedAnonymous = access switch
            {
                ConsoleAccess.Anyone or ConsoleAccess.Metrics => isGet ? HttpStatusCode.OK : HttpStatusCode.BadRequest,
                _ when path.StartsWith("/events", StringComparison.Ordinal) => HttpStatusCode.Unauthorized,
                _ => HttpStatusCode.Redirect,
            };
            // A signed-in user asking for the sign-in page is sent on to the console.
            // A cataloger's own save file entry or export named by number: nobody here owns number 1, so an allowed visitor is
            // sent back to the list (its event stream just ends); the save file and export tests check owners.
            var ownedByOthers = endpoint.RoutePattern.Parameters.Count > 0
                && (path.StartsWith("/savefile/", StringComparison.Ordinal) || path.StartsWith("/exports/", StringComparison.Ordinal))
                && !path.EndsWith("/events", StringComparison.Ordinal);
            var allowed = !isGet ? HttpStatusCode.BadRequest : path == "/signin" || ownedByOthers ? HttpStatusCode.SeeOther : HttpStatusCode.OK;
            Check(problems, "anonymous", endpoint, path, asAnonymous, expectedAnonymous);
            Check(problems, "cataloger", endpoint, path, asCataloger, access == ConsoleAccess.Admin ? HttpStatusCode.Forbidden : allowed);
            Check(problems, "admin", endpoint, path, asAdmin, allowed);
            if (expectedAnonymous == HttpStatusCode.Redirect && asAnonymous.Headers.Location?.OriginalString.Contains("/signin?returnUrl=", StringComparison.Ordinal) != true)
            {
                problems.Add($"anonymous {path} was not sent to the sign-in page but to {asAnonymous.Headers.Location}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Metrics_without_a_sign_in_are_for_loopback_and_the_allow_list_only()
    {
        await using var server = await ConsoleServer.StartAsync(configure: o => o.MetricsAllowList.Add("198.51.100.0/24"));
        var authorization = server.App.Services.GetRequiredService<IAuthorizationService>();

        async Task<bool> Allowed(string address)
        {
            var context = new DefaultHttpContext { RequestServices = server.App.Services };
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            return (await authorization.AuthorizeAsync(context.User, context, "metrics")).Succeeded;
        }

        Assert.True(await Allowed("127.0.0.1"));
        Assert.True(await Allowed("::1"));
        Assert.True(await Allowed("198.51.100.7"));
        Assert.False(await Allowed("192.0.2.1"));
    }

    private static void Check(List<string> problems, string who, Endpoint endpoint, string path, HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            problems.Add($"{who} {Describe(endpoint)} ({path}): {(int)response.StatusCode}, expected {(int)expected}");
        }
    }

    private static IEnumerable<RouteEndpoint> Endpoints(ConsoleServer server) =>
        server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Describe(Endpoint endpoint) =>
        $"{string.Join('|', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {((RouteEndpoint)endpoint).RoutePattern.RawText}";

    private static string Path(RouteEndpoint endpoint, string recordId, long reviewId)
    {
        var pattern = endpoint.RoutePattern;
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "id" } when pattern.RawText!.StartsWith("/review", StringComparison.Ordinal) => reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            RoutePatternParameterPart { Name: "id" } => recordId,
            RoutePatternParameterPart { Name: "name" } when pattern.RawText!.StartsWith("/assets", StringComparison.Ordinal) => "console.css",
            RoutePatternParameterPart { Name: "name" } when pattern.RawText!.StartsWith("/profiles", StringComparison.Ordinal) => CatalogSeed.Profile,
            RoutePatternParameterPart parameter => s_values[parameter.Name],
            _ => throw new InvalidOperationException($"unexpected route part in {pattern.RawText}"),
        })));
        return "/" + string.Join('/', segments);
    }
}
