using System.Net;
using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Tests;

public sealed class AuditPageTests
{
    private const string Secret = "pw-audit-marker-7";

    [Fact]
    public async Task Console_changes_are_logged_with_the_staff_user_and_shown_to_admins_only()
    {
        await using var server = await ConsoleServer.StartAsync();
        await CatalogSeed.SeedAsync(server.Store);
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);

        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostFormAsync("/repositories", [new("name", "SANDBOX")], "/repositories")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostFormAsync("/accounts", [new("logonId", "01NEW"), new("repository", "SANDBOX"), new("profile", CatalogSeed.Profile), new("password", Secret), new("allow", "")], "/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostFormAsync("/accounts/01NEW/password", [new("password", Secret + "b")], "/accounts/01NEW")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostFormAsync("/profiles", [new("name", "iz"), new("validationLevel", "basic"), new("delete", "029"), new("merge", "replace"), new("noMatch", "add")], "/profiles/new")).StatusCode);

        var log = await server.Store.FindAuditEntriesAsync(new AuditQuery { Limit = 4 }, default);
        Assert.Equal(["profile.set", "account.password", "account.add", "repository.add"], log.Select(e => e.Action));
        Assert.All(log, e => Assert.Equal((ConsoleServer.AdminName, AuditActorKind.StaffUser), (e.Actor, e.ActorKind)));
        Assert.All(await server.Store.FindAuditEntriesAsync(new AuditQuery { Limit = 100 }, default), e => Assert.DoesNotContain("audit-marker", e.Detail, StringComparison.Ordinal));

        var page = await admin.GetPageAsync("/audit");
        Assert.Contains("<a href=\"/audit\" aria-current=\"page\">Audit log</a>", page, StringComparison.Ordinal);
        Assert.Contains("<code>account.add</code>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/accounts/01NEW\">01NEW</a>", page, StringComparison.Ordinal);
        Assert.Contains("writes SANDBOX with profile", page, StringComparison.Ordinal);
        Assert.Contains("staff user", page, StringComparison.Ordinal);
        Assert.DoesNotContain("audit-marker", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/audit\">Audit log</a>", await admin.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("/audit", await cataloger.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await cataloger.GetAsync("/audit")).StatusCode);
    }

    [Fact]
    public async Task A_catalogers_review_decision_is_logged_with_the_catalogers_name_and_shown_to_admins()
    {
        await using var server = await ConsoleServer.StartAsync();
        await CatalogSeed.SeedAsync(server.Store);
        var item = (await server.Store.ListReviewItemsAsync(null, 1, default))[0];
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);

        var discarded = await cataloger.PostFormAsync($"/review/{item.Id}/resolve", [new("action", "discard")], $"/review/{item.Id}");

        Assert.Equal(HttpStatusCode.SeeOther, discarded.StatusCode);
        var entry = (await server.Store.FindAuditEntriesAsync(new AuditQuery { SubjectKind = AuditSubjectKind.ReviewItem }, default)).Single();
        Assert.Equal((ConsoleServer.CatalogerName, AuditActorKind.StaffUser, "review-item.resolve", $"{item.Id}"), (entry.Actor, entry.ActorKind, entry.Action, entry.SubjectName));
        Assert.Equal($"{item.Repository}: discarded by {ConsoleServer.CatalogerName}", entry.Detail);
        Assert.Contains("<code>review-item.resolve</code>", await admin.GetPageAsync("/audit?kind=review-item"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_filters_by_subject_and_time_and_explains_bad_filters()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);
        await admin.PostFormAsync("/repositories", [new("name", "SANDBOX")], "/repositories");
        await admin.PostFormAsync("/repositories", [new("name", "IZ")], "/repositories");

        var sandbox = await admin.GetPageAsync("/audit?kind=repository&name=SANDBOX");
        var users = await admin.GetPageAsync("/audit?kind=staff-user");
        var later = await admin.GetPageAsync("/audit?since=2999-01-01T00:00");
        var nameOnly = await admin.GetAsync("/audit?name=SANDBOX");
        var badLimit = await admin.GetAsync("/audit?limit=0");
        var badSince = await admin.GetAsync("/audit?since=soon");
        var badKind = await admin.GetAsync("/audit?kind=logon");

        Assert.Contains("SANDBOX", sandbox, StringComparison.Ordinal);
        Assert.DoesNotContain(">IZ<", sandbox, StringComparison.Ordinal);
        Assert.Contains("<code>staff-user.add</code>", users, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>repository.add</code>", users, StringComparison.Ordinal);
        Assert.Contains("No changes match.", later, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nameOnly.StatusCode);
        Assert.Contains("Choose what &#x27;SANDBOX&#x27; is", await nameOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSince.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("does not start with a subject kind", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
