using System.Globalization;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/audit</c>: who changed which account, profile, repository or staff user, and when, filtered by time and subject (admins).</summary>
internal static class AuditEndpoints
{
    private const int DefaultLimit = 100;

    public static void Map(IEndpointRouteBuilder routes, WebConsoleContext console)
    {
        routes.MapGet("/audit", async (HttpContext context, string? since, string? kind, string? name, string? limit, CancellationToken cancellationToken) =>
        {
            var filter = new AuditFilter(since?.Trim() ?? string.Empty, kind?.Trim() ?? string.Empty, name?.Trim() ?? string.Empty, DefaultLimit);
            string? problem = null;
            DateTimeOffset? from = null;
            if (limit is { Length: > 0 })
            {
                if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= AuditSearch.MaxLimit)
                {
                    filter = filter with { Limit = count };
                }
                else
                {
                    problem = $"'{limit}' is not a number of changes from 1 to {AuditSearch.MaxLimit}.";
                }
            }

            if (filter.Since.Length > 0)
            {
                if (DateTime.TryParse(filter.Since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                {
                    from = new DateTimeOffset(time, TimeSpan.Zero);
                }
                else
                {
                    problem = $"'{filter.Since}' is not a date and time such as 2026-11-28T14:00.";
                }
            }

            if (filter.SubjectName.Length > 0 && filter.SubjectKind.Length == 0)
            {
                problem = $"Choose what '{filter.SubjectName}' is: {string.Join(", ", AuditNames.SubjectKinds)}.";
            }

            IReadOnlyList<AuditEntry> entries = [];
            if (problem is null)
            {
                var subject = filter.SubjectKind.Length == 0 ? null : filter.SubjectName.Length == 0 ? filter.SubjectKind : $"{filter.SubjectKind}:{filter.SubjectName}";
                var found = await new AuditSearch(console.Store).FindAsync(subject, from, filter.Limit, cancellationToken).ConfigureAwait(false);
                problem = found.Succeeded ? null : found.Message;
                entries = found.Value ?? [];
            }

            var page = ConsolePage.Layout(context, "Audit log", "audit") with { Problem = problem };
            return ConsolePage.Render<Audit, AuditModel>(new AuditModel(page, filter, entries), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }).For(ConsoleAccess.Admin);
    }
}
