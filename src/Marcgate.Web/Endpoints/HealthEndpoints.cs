using Marcgate.Catalog.Storage;
using Marcgate.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store answers and every gateway listener is bound), for load balancers and orchestrators.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan s_storeTimeout = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console, IListenerStatus listeners)
    {
        routes.MapGet("/healthz", () => Results.Text("ok\n", "text/plain; charset=utf-8")).For(ConsoleAccess.Anyone);
        routes.MapGet("/readyz", async (HttpContext context) =>
        {
            var problems = new List<string>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(s_storeTimeout);
            try
            {
                // Any read will do: it goes to the database, as the gateway's imports do.
                await console.Store.RepositoryExistsAsync("-", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CatalogStoreException or OperationCanceledException)
            {
                problems.Add($"store: {(ex is OperationCanceledException ? "no answer within 5 s" : ex.Message)}");
            }

            var gateway = listeners.Listeners;
            if (gateway.Count == 0)
            {
                problems.Add("gateway: no listener");
            }

            problems.AddRange(gateway.Where(l => !l.Bound).Select(l => $"gateway: {l.Address} is not listening"));
            return problems.Count == 0
                ? Results.Text("ready\n", "text/plain; charset=utf-8")
                : Results.Text(string.Join('\n', problems) + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).For(ConsoleAccess.Anyone);
    }
}
