using System.Globalization;
using Microsoft.Playwright;

namespace Marcgate.Web.Tests.Cataloging;

/// <summary>The cataloger's pages in Debian's Chromium: keyboard and mouse as a cataloger uses them, with a screenshot of each page.</summary>
public sealed class CatalogingBrowserTests : IAsyncLifetime
{
    // Debian's Chromium; MARCGATE_TEST_CHROMIUM names another build. Playwright's own browser download is not used.
    private static readonly string s_chromium = Environment.GetEnvironmentVariable("MARCGATE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    // Beside the console walkthrough's, under the test results.
    public static string Screenshots => Browser.ConsoleWalkthroughTests.Screenshots;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(s_chromium), $"Chromium is needed at {s_chromium} (apt-get install chromium, or set MARCGATE_TEST_CHROMIUM)");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = s_chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task A_cataloger_flags_records_sets_export_options_by_the_menu_and_exports_to_the_host()
    {
        await using var peer = await GatewayPeer.StartAsync();
        await using var server = await ConsoleServer.StartAsync();
        using (await CatalogerSession.SignInAsync(server))
        {
        }

        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, BaseURL = server.Address.ToString() });
        var page = await context.NewPageAsync();
        await SignInAsync(page);

        // Upload: three records and one without 245, flagged on upload for the fourth only by selecting them afterwards.
        await page.GetByRole(AriaRole.Link, new() { Name = "Save file" }).ClickAsync();
        var upload = Path.Combine(AppContext.BaseDirectory, "four.mrc");
        await File.WriteAllBytesAsync(upload, CatalogingRecords.File(CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2), CatalogingRecords.Bibliographic(3), CatalogingRecords.Bibliographic(4, withTitle: false)));
        await page.GetByLabel("File (MARC, MARCXML, MARC-in-JSON or MARC text)").SetInputFilesAsync(upload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.savefile tbody tr")).ToHaveCountAsync(4);
        foreach (var number in new[] { 1, 2, 3, 4 })
        {
            await page.GetByLabel($"Select #{number}", new() { Exact = false }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Flag for export" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export flagged records (4)" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "save-file.png"), FullPage = true });

        // General → Admin → Export Options, by keyboard: the menu is summaries and links.
        await page.GetByText("General", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Admin", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Export Options" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Export Options" })).ToBeVisibleAsync();

        await page.GetByLabel("Export Format").SelectOptionAsync("iso2709");
        await page.GetByLabel("Export to a TCP/IP Connection").CheckAsync();
        await page.GetByLabel("Individual").CheckAsync();
        await page.GetByLabel("Fields to Delete on Export", new() { Exact = true }).FillAsync("029,938,9XX");
        await page.GetByLabel("Bibliographic Record").SelectOptionAsync("full");
        await page.GetByLabel("Authority Record").SelectOptionAsync("none");
        await page.GetByLabel("Mark for Export and Save Record", new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("Host Name").FillAsync("127.0.0.1");
        await page.GetByLabel("Port Number").FillAsync("99999");
        await page.GetByLabel("Permanent Connection").UncheckAsync();
        await page.GetByLabel("Notify Host before Disconnect").CheckAsync();
        await page.GetByLabel("Timeout (seconds)").FillAsync("90");
        await page.GetByLabel("Retries").FillAsync("3");
        await page.GetByLabel("Delay (seconds)").FillAsync("0");
        await page.GetByLabel("Send Logon ID").CheckAsync();
        await page.GetByLabel("Logon ID", new() { Exact = true }).FillAsync(GatewayPeer.LogonId);
        await page.GetByLabel("Password").FillAsync(GatewayPeer.Password);
        await page.GetByLabel("Send User ID").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save My Default" }).ClickAsync();

        // The port is checked where it is typed, with the reason beside it.
        await Assertions.Expect(page.Locator("#port-problem")).ToHaveTextAsync("99999 is out of range (1-65535)");
        await page.GetByLabel("Port Number").FillAsync(peer.Port.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Password").FillAsync(GatewayPeer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save My Default" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as My Default");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "Export Options scrolls sideways at 1280x720");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "export-options.png"), FullPage = true });

        // Sign out and in: My Default is kept, the password is not revealed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync(page);
        await page.GotoAsync("/export-options");
        await Assertions.Expect(page.GetByLabel("Port Number")).ToHaveValueAsync(peer.Port.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByLabel("Logon ID", new() { Exact = true })).ToHaveValueAsync(GatewayPeer.LogonId);
        await Assertions.Expect(page.Locator("#password-saved")).ToHaveTextAsync("saved");
        Assert.DoesNotContain(GatewayPeer.Password, await page.ContentAsync());

        // Export: three records arrive, the one without 245 is stopped by full validation with its reason.
        await page.GotoAsync("/savefile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Export flagged records (4)" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-export-state]")).ToHaveTextAsync("finished", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("table.export-status tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("table.export-status")).ToContainTextAsync("fails full validation");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "export-status.png"), FullPage = true });
        Assert.Equal(3, await peer.Store.CountRecordsAsync(GatewayPeer.Repository, default));
        Assert.Equal(3, peer.Connections);

        await page.GotoAsync("/exports");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "export-history.png"), FullPage = true });
        await page.GotoAsync("/savefile/1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "saved-record.png"), FullPage = true });
        await page.GotoAsync("/destinations");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "destinations.png"), FullPage = true });
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(CatalogerSession.Authorization);
        await page.GetByLabel("Password").FillAsync(CatalogerSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
