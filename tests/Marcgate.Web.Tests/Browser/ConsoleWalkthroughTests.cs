using System.Text.RegularExpressions;
using Marcgate.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marcgate.Web.Tests.Browser;

/// <summary>
/// A systems librarian's first day in a real browser against <c>marcgate serve</c> run as a process: sign in, set up a
/// repository, a profile and an account, watch exports arrive, read a record, compare and revert versions, resolve a
/// review item. Each page is photographed into the test results folder.
/// </summary>
public sealed class ConsoleWalkthroughTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Admin = "ada";
    private const string Password = "correct horse";
    private const string LogonId = "01TEST_NETWORK";
    private const string GatewayPassword = "gateway secret";

    private readonly string _work = Directory.CreateTempSubdirectory("marcgate-browser-").FullName;
    private ServeHost? _host;

    public static string Screenshots => Path.Combine(TestFiles.RepoRoot, ".build", "test-results", "screenshots");

    public async Task InitializeAsync()
    {
        var data = Path.Combine(_work, "data");
        var (exit, output) = await ServeHost.RunAsync(["users", "add", Admin, "--role", "admin", "--password-stdin", "--data", data], Password);
        Assert.True(exit == 0, output);
        _host = await ServeHost.StartAsync(data);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task A_librarian_sets_up_the_host_watches_records_arrive_and_works_through_history_and_review()
    {
        var host = _host!;
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 }, BaseURL = host.Web.ToString() });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };

        // Signing in: an anonymous visit lands on the sign-in page.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await ShotAsync(page, "signin");
        await page.Locator("#name").FillAsync(Admin);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");

        // Setting up: a repository, a profile, an account, all through the forms.
        await page.GotoAsync("/repositories");
        await page.Locator("#name").FillAsync("NETWORK");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add repository" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("Added repository NETWORK.");
        await ShotAsync(page, "repositories");

        await page.GotoAsync("/profiles/new");
        await page.Locator("#name").FillAsync("strict");
        await page.Locator("#delete").FillAsync("938");
        await page.Locator("#protect").FillAsync("59X");
        await ShotAsync(page, "profile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToHaveTextAsync("Saved profile strict.");

        await page.GotoAsync("/accounts");
        await page.Locator("#logonId").FillAsync(LogonId);
        await page.Locator("#repository").SelectOptionAsync("NETWORK");
        await page.Locator("#profile").SelectOptionAsync("strict");
        await page.Locator("#password").FillAsync(GatewayPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync($"Added logon ID {LogonId}: writes NETWORK with profile strict");
        await ShotAsync(page, "accounts");

        // Records arrive: the dashboard's feed shows them without a reload.
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-live-status]")).ToBeVisibleAsync();
        await ExportAsync(("first.mrc", CatalogSeed.Record(1001, "Café society")), ("second.mrc", CatalogSeed.Record(2002, "Brontë country")));
        await Expect(page.Locator("table.receipts tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table.receipts tbody")).ToContainTextAsync(LogonId);

        await ExportAsync(("again.mrc", CatalogSeed.Record(1001, "Café society", "Second printing.")));
        await ExportAsync(("both.mrc", CatalogSeed.Record(1001, "Café society", "Matches two records.", alsoMatches: 2002)));
        await Expect(page.Locator("table.receipts tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("table.receipts tbody")).ToContainTextAsync("multiple-matches");
        await page.ReloadAsync();
        await Expect(page.Locator("svg.chart rect.bar").First).ToBeVisibleAsync();
        await ShotAsync(page, "dashboard");

        // A record: found by its OCLC number, read as MARC, two versions compared, the first brought back.
        await page.GotoAsync("/records");
        await page.Locator("#oclc").FillAsync("1001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await ShotAsync(page, "records");
        await page.Locator("table tbody tr td a").First.ClickAsync();
        await Expect(page.Locator("table.marc")).ToContainTextAsync("$aCafé society /");
        await Expect(page.Locator("pre.mrk")).ToContainTextAsync("=245  10$aCafé society /$cZoë Brontë.");
        await ShotAsync(page, "record");
        var recordPath = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Button, new() { Name = "Compare versions" }).ClickAsync();
        await Expect(page.Locator("table.diff td.added")).ToContainTextAsync(["500 ## $aSecond printing."]);
        await ShotAsync(page, "version-diff");

        await page.GotoAsync(recordPath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revert to this version" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("Created version 3 of record");
        await Expect(page.Locator("table.marc")).Not.ToContainTextAsync("Second printing.");

        // The review queue: the record that matched both is overlaid into the first, under the librarian's name.
        await page.GotoAsync("/review");
        await ShotAsync(page, "review");
        await page.Locator("table tbody tr td a").First.ClickAsync();
        await Expect(page.Locator("table.diff").First).ToContainTextAsync("Matches two records.");
        await ShotAsync(page, "review-item");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Overlay into record") }).First.ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync($"by {Admin}");
        await Expect(page.Locator("main")).ToContainTextAsync("Nothing waits for review.");

        await page.GotoAsync("/receipts");
        await ShotAsync(page, "receipts");
        await page.GotoAsync("/profiles");
        await ShotAsync(page, "profiles");

        Assert.True(problems.Count == 0, "the browser reported: " + string.Join('\n', problems));
    }

    private async Task ExportAsync(params (string Name, byte[] Content)[] files)
    {
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(_work, name);
            await File.WriteAllBytesAsync(path, content);
            paths.Add(path);
        }

        var environment = new Dictionary<string, string>
        {
            ["MARCGATE_CONFIG_DIR"] = Path.Combine(_work, "export-config"),
            ["MARCGATE_DATA_DIR"] = Path.Combine(_work, "export-data"),
            ["MARCGATE_SESSION"] = string.Empty,
            ["GATEWAY_PASSWORD"] = GatewayPassword,
        };
        var (exit, output) = await ServeHost.RunAsync(
            ["export", "--host", "127.0.0.1", "--port", _host!.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--logon-id", LogonId, "--password-env", "GATEWAY_PASSWORD", .. paths],
            environment: environment);
        Assert.True(exit is 0 or 1, $"marcgate export: exit {exit}\n{output}\n{_host.Log}");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
