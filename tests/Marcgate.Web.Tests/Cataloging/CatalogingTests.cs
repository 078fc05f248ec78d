using System.Net;
using Marcgate.Catalog.Storage;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Web.Tests.Cataloging;

public sealed class CatalogingTests
{
    [Fact]
    public async Task A_cataloger_signs_in_with_an_authorization_as_name_and_reaches_the_cataloging_pages()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);

        Assert.Contains("Online save file", await cataloger.Client.GetPageAsync("/savefile"));
        Assert.Contains("General", await cataloger.Client.GetPageAsync("/export-options"));
        Assert.Contains("Export destinations", await cataloger.Client.GetPageAsync("/destinations"));
        Assert.Contains("Export history", await cataloger.Client.GetPageAsync("/exports"));
    }

    [Theory]
    [InlineData("/savefile")]
    [InlineData("/export-options")]
    [InlineData("/destinations")]
    [InlineData("/exports")]
    public async Task The_cataloging_pages_send_a_visitor_who_is_not_signed_in_to_the_sign_in_page(string path)
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploaded_records_are_listed_with_their_validation_and_the_save_file_is_the_catalogers_own()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        var file = CatalogingRecords.File(CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2, withTitle: false));

        var upload = await cataloger.UploadAsync(file, "books.mrc", flag: false);

        Assert.Equal(HttpStatusCode.SeeOther, upload.StatusCode);
        var page = await cataloger.Client.GetPageAsync("/savefile");
        Assert.Contains("How to program a computer 1", page);
        Assert.Contains("63111001", page);
        Assert.Contains("valid (full)", page);
        Assert.Matches(@"\d+ errors? \(full\)", page);

        // Another cataloger's save file is apart, even on the same catalog.
        using var other = await CatalogerSession.SignInAsync(server, "100-999-000");
        Assert.DoesNotContain("How to program a computer 1", await other.Client.GetPageAsync("/savefile"));
        Assert.Equal(2, (await server.Store.ListStaffDocumentsAsync(CatalogerSession.Authorization, "saved-record", default)).Count);
    }

    [Fact]
    public async Task Edited_marc_text_is_saved_only_when_it_parses_and_findings_show_beside_their_lines()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1)), "one.mrc", flag: false);
        var text = (await cataloger.Client.GetPageAsync("/savefile/1")).Contains("=245", StringComparison.Ordinal);
        Assert.True(text);

        var broken = await cataloger.Client.PostFormAsync("/savefile/1", [new("action", "save"), new("marc", "=LDR  00000nam a2200000 a 4500\n=24")], "/savefile/1");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Not saved", await broken.Content.ReadAsStringAsync());
        Assert.Contains("How to program a computer 1", await cataloger.Client.GetPageAsync("/savefile"));

        var edited = "=LDR  00000nam a2200000 a 4500\n=001  ocm63111001\n=003  OCoLC\n=008  240101s2024    ilu           000 0 eng d\n=245  10$aA new title.\n=650  \\0$aComputers\n=650  \\9$aBad indicator\n";
        var saved = await cataloger.Client.PostFormAsync("/savefile/1", [new("action", "save"), new("marc", edited)], "/savefile/1");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var page = await cataloger.Client.GetPageAsync("/savefile/1");
        Assert.Contains("A new title", page);
        Assert.Matches(@"(?s)=650  \\9\$aBad indicator</code></td>\s*<td>\s*<div class=""finding", page);
    }

    [Fact]
    public async Task Flag_unflag_and_delete_change_the_selected_records()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2), CatalogingRecords.Bibliographic(3)), "three.mrc", flag: false);

        await cataloger.Client.PostFormAsync("/savefile/change", [new("n", "1"), new("n", "3"), new("action", "flag")], "/savefile");
        var page = await cataloger.Client.GetPageAsync("/savefile");
        Assert.Contains("Export flagged records (2)", page);

        await cataloger.Client.PostFormAsync("/savefile/change", [new("n", "3"), new("action", "unflag")], "/savefile");
        await cataloger.Client.PostFormAsync("/savefile/change", [new("n", "2"), new("action", "delete")], "/savefile");
        page = await cataloger.Client.GetPageAsync("/savefile");
        Assert.Contains("Export flagged records (1)", page);
        Assert.DoesNotContain("How to program a computer 2", page);
    }

    [Fact]
    public async Task Export_options_give_the_reason_beside_each_bad_value_and_save_nothing()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        var values = CatalogerSession.CarliOptions(70000);
        values["fields-to-delete"] = "029,9X";
        values["timeout"] = "0";

        var response = await cataloger.SaveOptionsAsync(values, "default");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"port-problem\" role=\"alert\">70000 is out of range (1-65535)", page);
        Assert.Contains("id=\"fields-to-delete-problem\"", page);
        Assert.Contains("id=\"timeout-problem\"", page);
        Assert.Null(await server.Store.GetStaffDocumentAsync(CatalogerSession.Authorization, "export-options", "default", default));
    }

    [Fact]
    public async Task My_default_outlives_a_sign_out_the_session_does_not_and_the_password_is_never_shown()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);

        Assert.Equal(HttpStatusCode.SeeOther, (await cataloger.SaveOptionsAsync(CatalogerSession.CarliOptions(5500), "default")).StatusCode);
        var session = CatalogerSession.CarliOptions(5600, password: null);
        Assert.Equal(HttpStatusCode.SeeOther, (await cataloger.SaveOptionsAsync(session, "session")).StatusCode);
        var page = await cataloger.Client.GetPageAsync("/export-options");
        Assert.Contains("value=\"5600\"", page);
        Assert.Contains("settings saved for this session", page);

        await cataloger.SignOutAndInAsync();

        page = await cataloger.Client.GetPageAsync("/export-options");
        Assert.Contains("value=\"5500\"", page);
        Assert.Contains("value=\"01CARLI_NETWORK\"", page);
        Assert.Contains("id=\"password-saved\"", page);
        Assert.DoesNotContain(GatewayPeer.Password, page);
        var kept = await server.Store.GetStaffDocumentAsync(CatalogerSession.Authorization, "export-options", "default", default);
        Assert.DoesNotContain(GatewayPeer.Password, kept!.Value);
        Assert.Empty(await server.Store.ListStaffDocumentsAsync(CatalogerSession.Authorization, "export-options-session", default));

        // Reset goes back to My Default after a Save for Session.
        await cataloger.SaveOptionsAsync(session, "session");
        Assert.Contains("value=\"5600\"", await cataloger.Client.GetPageAsync("/export-options"));
        await cataloger.Client.PostFormAsync("/export-options", [new("action", "reset")], "/export-options");
        Assert.Contains("value=\"5500\"", await cataloger.Client.GetPageAsync("/export-options"));
    }

    [Fact]
    public async Task Reset_without_a_default_shows_the_system_defaults()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.SaveOptionsAsync(CatalogerSession.CarliOptions(5600), "session");

        await cataloger.Client.PostFormAsync("/export-options", [new("action", "reset")], "/export-options");

        var page = await cataloger.Client.GetPageAsync("/export-options");
        Assert.Contains("the system defaults", page);
        Assert.DoesNotContain("01CARLI_NETWORK", page);
    }

    [Fact]
    public async Task Flagged_records_arrive_in_the_hosts_repository_with_a_reply_per_row_and_full_validation_stops_a_record_without_245()
    {
        await using var peer = await GatewayPeer.StartAsync();
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(
            CatalogingRecords.File(CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2), CatalogingRecords.Bibliographic(3), CatalogingRecords.Bibliographic(4, withTitle: false)),
            "four.mrc",
            flag: true);
        await cataloger.SaveOptionsAsync(CatalogerSession.CarliOptions(peer.Port), "default");

        var (_, page) = await cataloger.ExportFlaggedAsync();

        Assert.Equal(3, await peer.Store.CountRecordsAsync(GatewayPeer.Repository, default));
        Assert.Equal(3, peer.Connections);
        var stored = await peer.Store.ListRecordsAsync(GatewayPeer.Repository, null, 10, default);
        foreach (var record in stored)
        {
            Assert.Contains($"<td>{record.Id}</td>", page);
            // Fields to Delete on Export (029,938,9XX) took 938 out before sending.
            var sent = Iso2709RecordParser.Parse(record.Content.Span, MarcReaderOptions.Default, 1, 0, []);
            Assert.NotNull(sent);
            Assert.DoesNotContain(sent.Fields, f => f.Tag == "938");
        }

        Assert.Contains("fails full validation", page);
        Assert.Contains("245", page);

        // Accepted records lose their flag; the refused one keeps it. Each says when it was last exported and how it went.
        var saveFile = await cataloger.Client.GetPageAsync("/savefile");
        Assert.Contains("Export flagged records (1)", saveFile);
        Assert.Matches(@"<td class=""muted"" title=""[^""]+"">\d{4}-\d\d-\d\d \d\d:\d\d UTC: accepted</td>", saveFile);
        Assert.Matches(@"<td class=""muted"" title=""[^""]+"">\d{4}-\d\d-\d\d \d\d:\d\d UTC: failed</td>", saveFile);
        var savedRecord = WebUtility.HtmlDecode(await cataloger.Client.GetPageAsync("/savefile/1"));
        Assert.Matches(@"Last exported \d{4}-\d\d-\d\d \d\d:\d\d UTC: accepted — ", savedRecord);
        Assert.DoesNotContain(" record=", savedRecord);
        Assert.Contains("/exports/", await cataloger.Client.GetPageAsync("/exports"));
    }

    [Fact]
    public async Task Save_for_session_with_another_port_and_single_file_type_is_what_the_export_uses_until_the_next_sign_in()
    {
        await using var peer = await GatewayPeer.StartAsync();
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2), CatalogingRecords.Bibliographic(3)), "three.mrc", flag: true);
        await cataloger.SaveOptionsAsync(CatalogerSession.CarliOptions(1), "default");
        var session = CatalogerSession.CarliOptions(peer.Port);
        session["file-type"] = "single";
        await cataloger.SaveOptionsAsync(session, "session");

        var (_, page) = await cataloger.ExportFlaggedAsync();

        Assert.Equal(3, await peer.Store.CountRecordsAsync(GatewayPeer.Repository, default));
        Assert.Equal(1, peer.Connections);
        Assert.Contains("Single", page);

        await cataloger.SignOutAndInAsync();
        Assert.Contains("value=\"1\"", await cataloger.Client.GetPageAsync("/export-options"));
    }

    [Fact]
    public async Task An_export_to_a_file_downloads_records_the_codec_reads_back_identically()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        MarcRecord[] records = [CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2)];
        await cataloger.UploadAsync(CatalogingRecords.File(records), "two.mrc", flag: true);
        var values = CatalogerSession.CarliOptions(5500);
        values["export-destination"] = "file";
        values["file-name"] = "nz-batch.mrc";
        values["file-type"] = "single";
        values["fields-to-delete"] = string.Empty;
        await cataloger.SaveOptionsAsync(values, "default");

        var (id, page) = await cataloger.ExportFlaggedAsync();

        Assert.Contains("Download nz-batch.mrc", page);
        var download = await cataloger.Client.GetAsync($"/exports/{id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var reader = new Iso2709Reader(await download.Content.ReadAsStreamAsync());
        var read = new List<MarcRecord>();
        while (reader.Read() is { Record: { } record })
        {
            read.Add(record);
        }

        Assert.Equal(records.Select(Iso2709Writer.Write), read.Select(Iso2709Writer.Write));
    }

    [Fact]
    public async Task Mark_for_export_and_save_record_flags_the_record_instead_of_sending_it()
    {
        await using var peer = await GatewayPeer.StartAsync();
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1)), "one.mrc", flag: false);
        var values = CatalogerSession.CarliOptions(peer.Port);
        values["mark-for-export"] = "on";
        await cataloger.SaveOptionsAsync(values, "default");

        var response = await cataloger.Client.PostFormAsync("/savefile/1", [new("action", "export")], "/savefile/1");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(0, peer.Connections);
        Assert.Contains("Export flagged records (1)", await cataloger.Client.GetPageAsync("/savefile"));
    }

    [Fact]
    public async Task A_named_destination_is_picked_when_exporting_and_check_destination_says_whether_the_host_answers()
    {
        await using var peer = await GatewayPeer.StartAsync();
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1)), "one.mrc", flag: true);
        var options = CatalogerSession.CarliOptions(1, password: null);
        await cataloger.SaveOptionsAsync(options, "default");
        var saved = await cataloger.Client.PostFormAsync(
            "/destinations",
            [new("action", "save"), new("name", "Network Zone"), new("host", "127.0.0.1"), new("port", peer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("logon-id", GatewayPeer.LogonId), new("password", GatewayPeer.Password)],
            "/destinations");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var bad = await cataloger.Client.PostFormAsync("/destinations", [new("action", "save"), new("name", "Sandbox"), new("host", "127.0.0.1"), new("port", "0")], "/destinations");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var check = await cataloger.Client.PostFormAsync("/destinations", [new("action", "check"), new("name", "Network Zone")], "/destinations");
        Assert.Equal(HttpStatusCode.SeeOther, check.StatusCode);
        Assert.Contains("answers", await cataloger.Client.GetPageAsync("/destinations"));
        Assert.Equal(1, peer.Connections);

        var (_, page) = await cataloger.ExportFlaggedAsync("Network Zone");

        Assert.Equal(1, await peer.Store.CountRecordsAsync(GatewayPeer.Repository, default));
        Assert.Contains("Network Zone", page);
    }

    [Fact]
    public async Task A_cataloger_cannot_open_another_catalogers_export()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1)), "one.mrc", flag: true);
        var values = CatalogerSession.CarliOptions(5500);
        values["export-destination"] = "file";
        values["file-name"] = "x.mrc";
        await cataloger.SaveOptionsAsync(values, "default");
        var (id, _) = await cataloger.ExportFlaggedAsync();

        using var other = await CatalogerSession.SignInAsync(server, "100-999-000");
        var response = await other.Client.GetAsync($"/exports/{id}");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await other.Client.GetAsync($"/exports/{id}/download")).StatusCode);
    }
    [Fact]
    public async Task An_admin_keeps_a_destination_for_everyone_which_a_cataloger_may_pick_but_not_keep()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var admin = await server.SignedInAsync(ConsoleServer.AdminName);
        var saved = await admin.PostFormAsync("/destinations", [new("action", "save"), new("name", "Sandbox"), new("host", "sandbox.example.org"), new("port", "5501"), new("logon-id", "01CARLI_SB"), new("everyone", "on")], "/destinations");
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);

        using var cataloger = await CatalogerSession.SignInAsync(server);
        var page = await cataloger.Client.GetPageAsync("/savefile");
        Assert.Contains("<option value=\"Sandbox\">Sandbox (sandbox.example.org:5501)", page);

        var refused = await cataloger.Client.PostFormAsync("/destinations", [new("action", "save"), new("name", "Everyone's"), new("host", "h.example.org"), new("port", "5500"), new("everyone", "on")], "/destinations");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Only an admin", await refused.Content.ReadAsStringAsync());
        var removed = await cataloger.Client.PostFormAsync("/destinations", [new("action", "remove"), new("name", "Sandbox"), new("everyone", "on")], "/destinations");
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        Assert.Single(await server.Store.ListStaffDocumentsAsync(StaffDocument.Everyone, "export-destination", default));
    }

    [Fact]
    public async Task The_status_window_streams_a_row_per_record_then_the_summary()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2, withTitle: false)), "two.mrc", flag: true);
        var values = CatalogerSession.CarliOptions(5500);
        values["export-destination"] = "file";
        values["file-name"] = "batch.mrc";
        values["file-type"] = "individual";
        await cataloger.SaveOptionsAsync(values, "default");
        var (id, _) = await cataloger.ExportFlaggedAsync();

        var events = await (await cataloger.Client.GetAsync($"/exports/{id}/events")).Content.ReadAsStringAsync();

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(events, "^event: row$", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Contains("event: done", events);
        Assert.Contains("Download batch.zip", events);
        Assert.Contains("fails full validation", events);
    }

    [Fact]
    public async Task Only_the_most_recent_export_files_are_kept_and_an_older_exports_history_says_its_file_is_no_longer_kept()
    {
        await using var server = await ConsoleServer.StartAsync(configure: options => options.KeptExportFiles = 2);
        using var cataloger = await CatalogerSession.SignInAsync(server);
        await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1)), "one.mrc", flag: false);
        var values = CatalogerSession.CarliOptions(5500);
        values["export-destination"] = "file";
        values["file-name"] = "batch.mrc";
        values["file-type"] = "single";
        await cataloger.SaveOptionsAsync(values, "default");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await cataloger.Client.PostFormAsync("/savefile/change", [new("n", "1"), new("action", "flag")], "/savefile");
            ids.Add((await cataloger.ExportFlaggedAsync()).Id);
        }

        Assert.Equal([ids[1], ids[2]], (await server.Store.ListStaffDocumentsAsync(CatalogerSession.Authorization, "export-file", default)).Select(d => d.Key));
        Assert.Equal(3, (await server.Store.ListStaffDocumentsAsync(CatalogerSession.Authorization, "export", default)).Count);

        var dropped = await cataloger.Client.GetAsync($"/exports/{ids[0]}/download");
        Assert.Equal(HttpStatusCode.SeeOther, dropped.StatusCode);
        Assert.Equal($"/exports/{ids[0]}", dropped.Headers.Location!.ToString());
        var status = await cataloger.Client.GetPageAsync($"/exports/{ids[0]}");
        Assert.Contains("only your 2 most recent export files are", status);
        Assert.Contains("batch.mrc: file no longer kept", status);
        Assert.DoesNotContain($"/exports/{ids[0]}/download", status);
        Assert.Equal(HttpStatusCode.OK, (await cataloger.Client.GetAsync($"/exports/{ids[1]}/download")).StatusCode);

        var history = await cataloger.Client.GetPageAsync("/exports");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(history, "file no longer kept"));
        Assert.Contains($"/exports/{ids[2]}/download", history);
    }

    [Fact]
    public async Task Removing_a_cataloger_removes_what_they_kept_and_says_how_much_and_a_new_user_of_that_name_starts_empty()
    {
        await using var server = await ConsoleServer.StartAsync();
        using (var cataloger = await CatalogerSession.SignInAsync(server))
        {
            await cataloger.UploadAsync(CatalogingRecords.File(CatalogingRecords.Bibliographic(1), CatalogingRecords.Bibliographic(2)), "two.mrc", flag: true);
            await cataloger.SaveOptionsAsync(CatalogerSession.CarliOptions(5500), "default");
            await cataloger.Client.PostFormAsync("/destinations", [new("action", "save"), new("name", "Sandbox"), new("host", "127.0.0.1"), new("port", "5501")], "/destinations");
        }

        using (var admin = await server.SignedInAsync(ConsoleServer.AdminName))
        {
            await admin.PostFormAsync("/destinations", [new("action", "save"), new("name", "Network Zone"), new("host", "127.0.0.1"), new("port", "5500"), new("everyone", "on")], "/destinations");
        }

        var removed = await new Marcgate.Catalog.Administration.StaffAdministration(server.Store, Marcgate.Catalog.Administration.LocalActor.Current).RemoveAsync(CatalogerSession.Authorization, default);

        Assert.True(removed.Succeeded);
        Assert.Equal($"Removed user {CatalogerSession.Authorization} and the 4 documents they kept (save file, export options, destinations, export history).", removed.Message);
        foreach (var kind in new[] { "saved-record", "export-options", "export-destination" })
        {
            Assert.Empty(await server.Store.ListStaffDocumentsAsync(CatalogerSession.Authorization, kind, default));
        }

        Assert.Single(await server.Store.ListStaffDocumentsAsync(StaffDocument.Everyone, "export-destination", default));
        using var again = await CatalogerSession.SignInAsync(server);
        var page = await again.Client.GetPageAsync("/savefile");
        Assert.DoesNotContain("How to program a computer 1", page);
        Assert.Contains("Export flagged records (0)", page);
    }
}
