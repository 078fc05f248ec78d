using System.Globalization;
using System.Text.RegularExpressions;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Web.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marcgate.Web.Tests.Cataloging;

/// <summary>
/// The cataloger's pages in Debian's Chromium against <c>marcgate serve</c> run as a process: the same process serves the
/// pages and the gateway the records are exported to, and what arrived is read back with <c>marcgate records</c>. Each
/// page is photographed into the test results folder.
/// </summary>
public sealed class CatalogingBrowserTests(BrowserFixture browser, CatalogingHost host) : IClassFixture<BrowserFixture>, IClassFixture<CatalogingHost>
{
    private static readonly PageAssertionsToHaveURLOptions s_noWait = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToHaveTextOptions s_exportTime = new() { Timeout = 60_000 };

    // Beside the console walkthrough's, under the test results.
    public static string Screenshots => ConsoleWalkthroughTests.Screenshots;

    [Fact]
    public async Task A_cataloger_flags_three_records_sets_export_options_by_the_menu_and_they_arrive_in_the_serving_hosts_repository()
    {
        var cataloger = CatalogingHost.Catalogers[0];
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, cataloger);

        // Upload four records, the fourth without 245, and flag the first three.
        await page.GetByRole(AriaRole.Link, new() { Name = "Save file" }).ClickAsync();
        await UploadAsync(page, "four.mrc", flag: false, CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2), CatalogingRecords.Bibliographic(3), CatalogingRecords.Bibliographic(4, withTitle: false));
        await Expect(page.Locator("table.savefile tbody tr")).ToHaveCountAsync(4);
        await FlagAsync(page, 1, 2, 3);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export flagged records (3)" })).ToBeVisibleAsync();
        await ShotAsync(page, "save-file");

        // Export Options by the menu, the consortium's values typed in: the serving host's gateway port.
        await OpenExportOptionsByTheMenuAsync(page);
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
        await page.GetByLabel("Logon ID", new() { Exact = true }).FillAsync(CatalogingHost.LogonId);
        await page.GetByLabel("Password").FillAsync(CatalogingHost.GatewayPassword);
        await page.GetByLabel("Send User ID").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save My Default" }).ClickAsync();

        // The port is checked where it is typed, with the reason beside it.
        await Expect(page.Locator("#port-problem")).ToHaveTextAsync("99999 is out of range (1-65535)");
        await page.GetByLabel("Port Number").FillAsync(host.GatewayPort);
        await page.GetByLabel("Password").FillAsync(CatalogingHost.GatewayPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save My Default" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as My Default");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "Export Options scrolls sideways at 1280x720");
        await ShotAsync(page, "export-options");

        // Sign out and in: My Default is kept, the password is not revealed.
        await SignOutAndInAsync(page, cataloger);
        await OpenExportOptionsByTheMenuAsync(page);
        await Expect(page.GetByLabel("Port Number")).ToHaveValueAsync(host.GatewayPort);
        await Expect(page.GetByLabel("Logon ID", new() { Exact = true })).ToHaveValueAsync(CatalogingHost.LogonId);
        await Expect(page.Locator("#password-saved")).ToHaveTextAsync("saved");
        Assert.DoesNotContain(CatalogingHost.GatewayPassword, await page.ContentAsync(), StringComparison.Ordinal);

        // Save for Session with another port, the recording relay's: the export goes there, a connection a record (Individual).
        await page.GetByLabel("Port Number").FillAsync(host.Relay.Port.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save for Session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved for this session");
        var connections = host.Relay.Connections;
        await ExportFlaggedAsync(page, 3);
        await Expect(page.Locator("table.export-status tbody tr")).ToHaveCountAsync(3);
        await ShotAsync(page, "export-status");
        Assert.Equal(3, host.Relay.Connections - connections);

        // The three records are in the host's repository, as its own commands show them, with the reply of each on its row.
        foreach (var number in new[] { 1, 2, 3 })
        {
            var row = page.Locator("table.export-status tbody tr").Filter(new() { HasText = $"How to program a computer {number}." });
            await Expect(row.Locator("td.reply")).Not.ToBeEmptyAsync();
            var recordId = (await row.Locator("td").Last.InnerTextAsync()).Trim();
            Assert.Matches("^[0-9]+$", recordId);
            var oclc = (63_111_000 + number).ToString(CultureInfo.InvariantCulture);
            var found = await host.RunOkAsync(["records", "search", "--repository", CatalogingHost.Repository, "--oclc", oclc]);
            Assert.StartsWith(recordId + "\tv1\t", found, StringComparison.Ordinal);
            var shown = await host.RunOkAsync(["records", "show", "--repository", CatalogingHost.Repository, "--id", recordId, "--format", "mrk"]);
            Assert.Contains($"=245  10$aHow to program a computer {number}.", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("=938", shown, StringComparison.Ordinal);
        }

        Assert.Equal("3", (await host.RunOkAsync(["records", "count", "--repository", CatalogingHost.Repository])).Trim());

        // A new sign-in has My Default again; for this session Single, through the relay again: one connection for all three.
        await SignOutAndInAsync(page, cataloger);
        await OpenExportOptionsByTheMenuAsync(page);
        await Expect(page.GetByLabel("Port Number")).ToHaveValueAsync(host.GatewayPort);
        await page.GetByLabel("Port Number").FillAsync(host.Relay.Port.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Single").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save for Session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved for this session");
        await page.GotoAsync("/savefile");
        await FlagAsync(page, 1, 2, 3);
        connections = host.Relay.Connections;
        await ExportFlaggedAsync(page, 3);
        await Expect(page.Locator("table.export-status tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("table.export-status tbody .badge.error")).ToHaveCountAsync(0);
        Assert.Equal(1, host.Relay.Connections - connections);

        // Reset goes back to My Default: the host's own port, Individual.
        await OpenExportOptionsByTheMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Reset to My Default.");
        await Expect(page.GetByLabel("Port Number")).ToHaveValueAsync(host.GatewayPort);
        await Expect(page.GetByLabel("Individual")).ToBeCheckedAsync();

        // Full validation stops the record without 245 with its reason; nothing is sent.
        await page.GotoAsync("/savefile");
        await FlagAsync(page, 4);
        connections = host.Relay.Connections;
        await ExportFlaggedAsync(page, 1);
        var refused = page.Locator("table.export-status tbody tr");
        await Expect(refused).ToHaveCountAsync(1);
        await Expect(refused).ToContainTextAsync("fails full validation");
        await Expect(refused).ToContainTextAsync("245");
        await ShotAsync(page, "export-status-refused");
        Assert.Equal(connections, host.Relay.Connections);
        Assert.Equal("3", (await host.RunOkAsync(["records", "count", "--repository", CatalogingHost.Repository])).Trim());

        await page.GotoAsync("/exports");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(3);
        await ShotAsync(page, "export-history");
        await page.GotoAsync("/savefile/1");
        await Expect(page.Locator("[data-last-export]")).ToHaveTextAsync(new Regex(@"^Last exported \d{4}-\d\d-\d\d \d\d:\d\d UTC: accepted — .*Record \d+ .* in NETWORK"));
        await ShotAsync(page, "saved-record");
        await page.GotoAsync("/destinations");
        await ShotAsync(page, "destinations");
    }

    [Fact]
    public async Task An_export_to_a_file_downloads_a_file_the_codec_reads_back_and_removing_the_cataloger_removes_what_they_kept()
    {
        var cataloger = CatalogingHost.Catalogers[1];
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, cataloger);
        MarcRecord[] records = [CatalogingRecords.Bibliographic(11), CatalogingRecords.Bibliographic(12)];
        await page.GotoAsync("/savefile");
        await UploadAsync(page, "two.mrc", flag: true, records);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Export flagged records (2)" })).ToBeVisibleAsync();

        await OpenExportOptionsByTheMenuAsync(page);
        await page.GetByLabel("Export to a file").CheckAsync();
        await page.GetByLabel("Export File Name").FillAsync("nz-batch.mrc");
        await page.GetByLabel("Single").CheckAsync();
        await page.GetByLabel("Fields to Delete on Export", new() { Exact = true }).FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save My Default" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as My Default");

        await ExportFlaggedAsync(page, 2);
        await Expect(page.Locator("table.export-status td.reply")).ToHaveTextAsync(["written to nz-batch.mrc", "written to nz-batch.mrc"]);
        await ShotAsync(page, "export-file");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download nz-batch.mrc" }).ClickAsync());
        Assert.Equal("nz-batch.mrc", download.SuggestedFilename);
        var path = Path.Combine(host.Work, "downloaded.mrc");
        await download.SaveAsAsync(path);
        var read = new List<MarcRecord>();
        await using (var file = File.OpenRead(path))
        {
            using var reader = new Iso2709Reader(file);
            while (reader.Read() is { Record: { } record })
            {
                read.Add(record);
            }
        }

        Assert.Equal(records.Select(Iso2709Writer.Write), read.Select(Iso2709Writer.Write));

        // The admin removes the cataloger on the host: what they kept goes too, and the open sign-in ends.
        var removed = await host.RunOkAsync(["users", "remove", cataloger]);
        Assert.Equal($"Removed user {cataloger} and the 5 documents they kept (save file, export options, destinations, export history).", removed.Trim());
        await page.GotoAsync("/savefile");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"), s_noWait);
    }

    private Task<IBrowserContext> NewContextAsync() =>
        browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            BaseURL = host.Serve.Web.ToString(),
            AcceptDownloads = true,
        });

    private async Task UploadAsync(IPage page, string name, bool flag, params MarcRecord[] records)
    {
        var upload = Path.Combine(host.Work, name);
        await File.WriteAllBytesAsync(upload, CatalogingRecords.File(records));
        await page.GetByLabel("File (MARC, MARCXML, MARC-in-JSON or MARC text)").SetInputFilesAsync(upload);
        if (flag)
        {
            await page.GetByLabel("Flag the records for export").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
    }

    private static async Task FlagAsync(IPage page, params int[] numbers)
    {
        foreach (var number in numbers)
        {
            await page.GetByLabel($"Select #{number}", new() { Exact = false }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Flag for export" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Export flagged records \(\d+\)$") })).ToBeVisibleAsync();
    }

    // General → Admin → Export Options, by keyboard: the menu is summaries and links.
    private static async Task OpenExportOptionsByTheMenuAsync(IPage page)
    {
        await page.GetByText("General", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Admin", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = "Export Options" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Export Options" })).ToBeVisibleAsync();
    }

    private static async Task ExportFlaggedAsync(IPage page, int flagged)
    {
        if (!page.Url.EndsWith("/savefile", StringComparison.Ordinal))
        {
            await page.GotoAsync("/savefile");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = $"Export flagged records ({flagged.ToString(CultureInfo.InvariantCulture)})" }).ClickAsync();
        await Expect(page.Locator("[data-export-state]")).ToHaveTextAsync("finished", s_exportTime);
    }

    private static async Task SignInAsync(IPage page, string name)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(CatalogingHost.CatalogerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    private static async Task SignOutAndInAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin"), s_noWait);
        await SignInAsync(page, name);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
