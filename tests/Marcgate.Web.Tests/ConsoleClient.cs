using System.Net;
using System.Text.RegularExpressions;

namespace Marcgate.Web.Tests;

/// <summary>A browser without JavaScript: keeps cookies, sends forms with their antiforgery token, follows no redirects.</summary>
public sealed partial class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;

    public ConsoleClient(Uri address)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path.TrimStart('/'));

    /// <summary>GETs only as far as the response's headers: for streams (server-sent events) that never end.</summary>
    public Task<HttpResponseMessage> GetHeadersAsync(string path) => _http.GetAsync(path.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead);

    public async Task<string> GetPageAsync(string path)
    {
        var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Posts a form as a browser would after loading <paramref name="formPage"/>: with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string formPage = "/")
    {
        var page = await (await GetAsync(formPage)).Content.ReadAsStringAsync();
        var token = Token().Match(page);
        Assert.True(token.Success, $"{formPage} has no antiforgery token");
        return await PostRawAsync(path, [new("_csrf", WebUtility.HtmlDecode(token.Groups[1].Value)), .. fields]);
    }

    public Task<HttpResponseMessage> PostRawAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        _http.PostAsync(path.TrimStart('/'), new FormUrlEncodedContent(fields));

    public Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        PostFormAsync("/signin", [new("name", name), new("password", password), new("returnUrl", "/")], "/signin");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
