using System.Net;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Tests;

public sealed class PagesTests
{
    [Fact]
    public async Task An_admin_adds_a_repository_and_a_bad_name_is_refused_with_its_reason()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);

        var added = await admin.PostFormAsync("/repositories", [new("name", "SANDBOX")], "/repositories");
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Contains("<p class=\"notice\" role=\"status\">Added repository SANDBOX.</p>", await admin.GetPageAsync("/repositories"), StringComparison.Ordinal);
        Assert.DoesNotContain("Added repository SANDBOX.", await admin.GetPageAsync("/repositories"), StringComparison.Ordinal);

        var refused = await admin.PostFormAsync("/repositories", [new("name", "no spaces please")], "/repositories");
        Assert.True(await server.Store.RepositoryExistsAsync("SANDBOX", default));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("is not a valid repository name", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_an_account_resets_its_password_and_unlocks_it()
    {
        await using var server = await ConsoleServer.StartAsync();
        await CatalogSeed.SeedAsync(server.Store);
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);

        var added = await admin.PostFormAsync("/accounts", [new("logonId", "01NEW"), new("repository", CatalogSeed.Repository), new("profile", CatalogSeed.Profile), new("password", "pw1"), new("allow", "192.0.2.0/24")], "/accounts");
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var account = await server.Store.FindAccountAsync("01NEW", default);
        Assert.NotNull(account);
        Assert.Equal(["192.0.2.0/24"], account.AllowedAddresses);

        for (var i = 0; i < 5; i++)
        {
            await server.Store.RecordLogonFailureAsync(LockoutKey.ForLogonId("01NEW"), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15), default);
        }

        Assert.Contains("locked", await admin.GetPageAsync("/accounts"), StringComparison.Ordinal);
        Assert.Contains("01NEW", await admin.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostFormAsync("/accounts/01NEW/unlock", [], "/accounts/01NEW")).StatusCode);
        Assert.Equal(0, await server.Store.CountLogonFailuresAsync(LockoutKey.ForLogonId("01NEW"), DateTimeOffset.UnixEpoch, default));

        var reset = await admin.PostFormAsync("/accounts/01NEW/password", [new("password", "pw2")], "/accounts/01NEW");
        Assert.Equal(HttpStatusCode.SeeOther, reset.StatusCode);
        Assert.True(Catalog.Security.PasswordHasher.Verify("pw2", (await server.Store.FindAccountAsync("01NEW", default))!.Password));
    }

    [Fact]
    public async Task A_profile_is_saved_from_the_form_and_a_bad_tag_pattern_is_refused()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);

        var saved = await admin.PostFormAsync("/profiles", [new("name", "iz"), new("validationLevel", "basic"), new("delete", "029, 938"), new("merge", "replace"), new("noMatch", "reject"), new("matchOnOclcNumbers", "true")], "/profiles/new");
        var refused = await admin.PostFormAsync("/profiles", [new("name", "bad"), new("validationLevel", "structure"), new("delete", "9X"), new("merge", "replace"), new("noMatch", "add")], "/profiles/new");

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var profile = await server.Store.GetProfileAsync("iz", default);
        Assert.NotNull(profile);
        Assert.Equal(["029", "938"], profile.FieldsToDelete);
        Assert.Equal(MergeMethod.Replace, profile.MergeMethod);
        Assert.Equal(NoMatchAction.Reject, profile.NoMatchAction);
        Assert.False(profile.CopyCancelledNumbers);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(await server.Store.GetProfileAsync("bad", default));

        var forged = await admin.PostFormAsync("/profiles", [new("name", "forged"), new("validationLevel", "lax"), new("merge", "replace"), new("noMatch", "add")], "/profiles/new");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("is not a validation level", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await server.Store.GetProfileAsync("forged", default));
    }

    [Fact]
    public async Task A_record_shows_its_marc_with_diacritics_its_mrk_text_downloads_a_diff_and_reverts()
    {
        await using var server = await ConsoleServer.StartAsync();
        var id = await CatalogSeed.SeedAsync(server.Store);
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);
        var path = $"/records/{CatalogSeed.Repository}/{id}";

        var page = await cataloger.GetPageAsync(path);
        Assert.Contains("<td class=\"marc-tag\">245</td>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"code\">$a</span>Café society /", page, StringComparison.Ordinal);
        Assert.Contains("Zoë Brontë.", page, StringComparison.Ordinal);
        Assert.Contains("=245  10$aCafé society /$cZoë Brontë.", page, StringComparison.Ordinal);

        var found = await cataloger.GetPageAsync($"/records?repository={CatalogSeed.Repository}&oclc={CatalogSeed.Oclc}");
        Assert.Contains($"href=\"{path}\"", found, StringComparison.Ordinal);

        var mrk = await cataloger.GetAsync($"{path}/download/mrk?version=1");
        Assert.Equal(HttpStatusCode.OK, mrk.StatusCode);
        Assert.DoesNotContain("Second printing.", await mrk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var xml = await (await cataloger.GetAsync($"{path}/download/marcxml")).Content.ReadAsStringAsync();
        Assert.Contains("Second printing.", xml, StringComparison.Ordinal);

        var diff = await cataloger.GetPageAsync($"{path}/diff?from=1&to=2");
        Assert.Contains("<td class=\"empty\"></td>", diff, StringComparison.Ordinal);
        Assert.Contains("<td class=\"added\">500 ## $aSecond printing.</td>", diff, StringComparison.Ordinal);

        var reverted = await cataloger.PostFormAsync($"{path}/revert?version=1", [], path);
        Assert.Equal(HttpStatusCode.SeeOther, reverted.StatusCode);
        var history = await server.Store.GetHistoryAsync(CatalogSeed.Repository, id, default);
        Assert.Equal(3, history.Count);
        Assert.Equal(history[0].ContentHash, history[2].ContentHash);
        Assert.Equal(ConsoleServer.CatalogerName, history[2].UserId);
    }

    [Fact]
    public async Task A_review_item_is_resolved_with_the_signed_in_users_name()
    {
        await using var server = await ConsoleServer.StartAsync();
        var id = await CatalogSeed.SeedAsync(server.Store);
        var item = (await server.Store.ListReviewItemsAsync(null, 1, default))[0];
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);

        var page = await cataloger.GetPageAsync($"/review/{item.Id}");
        Assert.Contains("<td class=\"added\">500 ## $aSent again.</td>", page, StringComparison.Ordinal);
        var resolved = await cataloger.PostFormAsync($"/review/{item.Id}/resolve", [new("action", "overlay"), new("record", id.ToString())], $"/review/{item.Id}");

        Assert.Equal(HttpStatusCode.SeeOther, resolved.StatusCode);
        var after = await server.Store.GetReviewItemAsync(item.Id, default);
        Assert.Equal(ConsoleServer.CatalogerName, after!.Resolution!.ResolvedBy);
        Assert.Equal(ReviewDecision.Overlaid, after.Resolution.Decision);
        Assert.Empty(await server.Store.ListReviewItemsAsync(null, 10, default));
    }

    [Fact]
    public async Task Receipts_are_filtered_by_outcome_and_a_bad_date_is_named()
    {
        await using var server = await ConsoleServer.StartAsync();
        await CatalogSeed.SeedAsync(server.Store);
        await server.Store.AppendReceiptAsync(new Receipt(DateTimeOffset.UtcNow, "192.0.2.9", "INTRUDER", null, Ok: false) { Code = "logon-failed" }, default);
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);

        var failed = await cataloger.GetPageAsync("/receipts?outcome=logon-failed");
        var added = await cataloger.GetPageAsync("/receipts?outcome=added");
        var bad = await cataloger.GetAsync("/receipts?since=yesterday");

        Assert.Contains("INTRUDER", failed, StringComparison.Ordinal);
        Assert.DoesNotContain(CatalogSeed.LogonId, failed, StringComparison.Ordinal);
        Assert.Contains(CatalogSeed.LogonId, added, StringComparison.Ordinal);
        Assert.DoesNotContain("INTRUDER", added, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("yesterday&#x27; is not a date and time such as 2026-11-28T14:00.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_is_found_by_the_correlation_id_of_its_log_line()
    {
        await using var server = await ConsoleServer.StartAsync();
        var (first, second) = (ImportCorrelation.NewId(), ImportCorrelation.NewId());
        await server.Store.AppendReceiptAsync(new Receipt(DateTimeOffset.UtcNow, "192.0.2.9", "FIRST", null, Ok: false) { Code = "logon-failed", CorrelationId = first }, default);
        await server.Store.AppendReceiptAsync(new Receipt(DateTimeOffset.UtcNow, "192.0.2.9", "SECOND", null, Ok: false) { Code = "logon-failed", CorrelationId = second }, default);
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);

        var all = await cataloger.GetPageAsync("/receipts");
        var found = await cataloger.GetPageAsync($"/receipts?correlation={second.ToLowerInvariant()}");
        var bad = await cataloger.GetAsync("/receipts?correlation=not-an-id");

        Assert.Contains(first, all, StringComparison.Ordinal);
        Assert.Contains(second, all, StringComparison.Ordinal);
        Assert.Contains("SECOND", found, StringComparison.Ordinal);
        Assert.DoesNotContain("FIRST", found, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_counts_todays_outcomes_and_charts_the_last_hour()
    {
        await using var server = await ConsoleServer.StartAsync();
        await server.Store.AddRepositoryAsync("NETWORK", DateTimeOffset.UtcNow, default);
        await server.Store.AppendReceiptAsync(new Receipt(DateTimeOffset.UtcNow, "192.0.2.9", "X", null, Ok: false) { Code = "logon-failed" }, default);
        server.Activity.Record(TimeSpan.FromMilliseconds(12), ok: true);
        server.Activity.Record(TimeSpan.FromMilliseconds(30), ok: false);
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);

        var page = await cataloger.GetPageAsync("/");

        Assert.Contains("<span class=\"badge error\">logon-failed</span> <strong>1</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", page, StringComparison.Ordinal);
        Assert.Contains("2 records in the last hour (1 errors), at most 2 a minute, 21 ms each on average.", page, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:5500 listening", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_feed_sends_receipts_that_arrive_after_the_page_was_drawn()
    {
        await using var server = await ConsoleServer.StartAsync();
        var before = await server.Store.AppendReceiptAsync(new Receipt(DateTimeOffset.UtcNow, "192.0.2.9", "OLD", null, Ok: false) { Code = "logon-failed" }, default);
        using var cataloger = await server.SignedInAsync(ConsoleServer.CatalogerName);
        using var response = await cataloger.GetHeadersAsync($"/events/receipts?after={before.Id}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        await server.Store.AppendReceiptAsync(new Receipt(DateTimeOffset.UtcNow, "192.0.2.9", "NEWCOMER", null, Ok: false) { Code = "bad-record" }, default);
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!lines.Any(l => l.StartsWith("data:", StringComparison.Ordinal)))
        {
            lines.Add(await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException());
        }

        Assert.Contains("event: receipt", lines);
        Assert.Contains(lines, l => l.StartsWith("data:", StringComparison.Ordinal) && l.Contains("NEWCOMER", StringComparison.Ordinal) && l.Contains("bad-record", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("OLD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text_to_loopback_without_a_sign_in()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var anonymous = server.Client();
        await anonymous.GetAsync("/healthz");

        var text = await anonymous.GetPageAsync("/metrics");

        Assert.Contains("# TYPE ", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}
