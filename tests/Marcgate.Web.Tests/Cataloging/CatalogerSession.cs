using System.Net;
using System.Text.RegularExpressions;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;

namespace Marcgate.Web.Tests.Cataloging;

/// <summary>A cataloger signed in to a console: uploads, sets export options, exports and waits for the export to finish.</summary>
public sealed partial class CatalogerSession(ConsoleServer server, ConsoleClient client, string name) : IDisposable
{
    public const string Authorization = "100-123-456";
    public const string Password = "cataloger password";

    public ConsoleClient Client { get; private set; } = client;

    public static async Task<CatalogerSession> SignInAsync(ConsoleServer server, string name = Authorization, bool add = true)
    {
        if (add)
        {
            Assert.True((await new StaffAdministration(server.Store, LocalActor.Current).AddAsync(name, StaffRole.Cataloger, Password, default)).Succeeded);
        }

        var client = server.Client();
        var response = await client.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return new CatalogerSession(server, client, name);
    }

    /// <summary>Signs out and in again: a new sign-in, with the same cookies jar thrown away.</summary>
    public async Task SignOutAndInAsync()
    {
        var response = await Client.PostFormAsync("/signout", [], "/savefile");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Client.Dispose();
        Client = server.Client();
        Assert.Equal(HttpStatusCode.SeeOther, (await Client.SignInAsync(name, Password)).StatusCode);
    }

    public async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName, bool flag)
    {
        var page = await Client.GetPageAsync("/savefile");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "_csrf" },
            { new ByteArrayContent(file), "file", fileName },
        };
        if (flag)
        {
            content.Add(new StringContent("on"), "flag");
        }

        using var http = new HttpClient(new HttpClientHandler { CookieContainer = Client.Cookies, AllowAutoRedirect = false }) { BaseAddress = server.Address };
        return await http.PostAsync("savefile/upload", content);
    }

    /// <summary>The Export Options form as Connexion's consortium settings fill it, with these changes.</summary>
    public static Dictionary<string, string> CarliOptions(int port, string? password = GatewayPeer.Password) => new()
    {
        ["format"] = "iso2709",
        ["charset"] = "utf8",
        ["export-destination"] = "tcp",
        ["file-name"] = string.Empty,
        ["file-type"] = "individual",
        ["fields-to-delete"] = "029,938,9XX",
        ["validate-bib"] = "full",
        ["validate-auth"] = "none",
        ["host"] = "127.0.0.1",
        ["port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["notify-host-before-disconnect"] = "on",
        ["timeout"] = "90",
        ["retries"] = "3",
        ["delay"] = "0",
        ["send-logon-id"] = "on",
        ["logon-id"] = GatewayPeer.LogonId,
        ["user-id"] = string.Empty,
        ["password"] = password ?? string.Empty,
    };

    public Task<HttpResponseMessage> SaveOptionsAsync(Dictionary<string, string> values, string action) =>
        Client.PostFormAsync("/export-options", [.. values, new("action", action)], "/export-options");

    /// <summary>Starts an export of the flagged records and returns the status page once the export has finished.</summary>
    public async Task<(string Id, string Page)> ExportFlaggedAsync(string destination = "")
    {
        var response = await Client.PostFormAsync("/exports", [new("destination", destination)], "/savefile");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/exports/", location);
        return (location["/exports/".Length..], await FinishedAsync(location));
    }

    public async Task<string> FinishedAsync(string location)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var page = await Client.GetPageAsync(location);
            if (page.Contains("data-export-state>finished<", StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{location} did not finish in a minute");
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
