using System.Net;
using Marcgate.Catalog.Security;

namespace Marcgate.Web.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page_and_come_back_after_signing_in()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.Client();

        var response = await client.GetAsync("/?view=today");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2F%3Fview%3Dtoday", response.Headers.Location!.PathAndQuery);

        var signIn = await client.PostFormAsync("/signin", [new("name", ConsoleServer.AdminName), new("password", ConsoleServer.Password), new("returnUrl", "/?view=today")], "/signin");
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/?view=today", signIn.Headers.Location!.OriginalString);

        var dashboard = await client.GetPageAsync("/");
        Assert.Contains("<h1>Dashboard</h1>", dashboard, StringComparison.Ordinal);
        Assert.Contains("ada <small>admin</small>", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_user_exists()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.Client();

        var wrongPassword = await client.SignInAsync(ConsoleServer.AdminName, "not the password");
        var unknownUser = await client.SignInAsync("nobody", ConsoleServer.Password);

        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Contains("The user name or password is wrong.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The user name or password is wrong.", await unknownUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_user_out_until_an_admin_sets_a_new_password()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.Client();
        for (var i = 0; i < StaffSignIn.MaxFailures; i++)
        {
            await client.SignInAsync(ConsoleServer.CatalogerName, "guess " + i);
        }

        var locked = await client.SignInAsync(ConsoleServer.CatalogerName, ConsoleServer.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("Too many failed sign-ins", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.True((await new Catalog.Administration.StaffAdministration(server.Store, Catalog.Administration.LocalActor.Current).SetPasswordAsync(ConsoleServer.CatalogerName, "a new password", default)).Succeeded);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SignInAsync(ConsoleServer.CatalogerName, "a new password")).StatusCode);
    }

    [Fact]
    public async Task Without_any_user_the_sign_in_page_gives_the_command_that_creates_the_first_admin()
    {
        await using var server = await ConsoleServer.StartAsync(withUsers: false);
        using var client = server.Client();

        var page = await client.GetPageAsync("/signin");

        Assert.Contains("No staff user yet", page, StringComparison.Ordinal);
        Assert.Matches(@"<code>marcgate users add NAME --role admin --data [^<]+marcgate-web-[^<]+</code>", page);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.Client();

        var response = await client.PostRawAsync("/signin", [new("name", ConsoleServer.AdminName), new("password", ConsoleServer.Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(client.Cookies.GetCookies(server.Address)["marcgate.signin"]);
    }

    [Fact]
    public async Task Removing_a_user_or_changing_the_password_ends_the_users_sign_in()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = await server.SignedInAsync(ConsoleServer.CatalogerName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await server.Store.UpdateStaffPasswordAsync(ConsoleServer.CatalogerName, PasswordHasher.Hash("another password"), default);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.Client();

        var response = await client.GetAsync("/signin");

        Assert.Equal("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain("style=", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_outside_the_console_is_ignored()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.Client();

        var response = await client.PostFormAsync("/signin", [new("name", ConsoleServer.AdminName), new("password", ConsoleServer.Password), new("returnUrl", "//evil.example/")], "/signin");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_key_ring_is_kept_in_the_store_so_another_node_accepts_the_cookie()
    {
        await using var first = await ConsoleServer.StartAsync();
        using var client = await first.SignedInAsync(ConsoleServer.AdminName);
        Assert.NotEmpty(await first.Store.ListDataProtectionKeysAsync(default));
        await using var second = await ConsoleServer.StartAsync(sharedDirectory: first.Directory);

        // The same cookie, sent to the other node.
        using var other = second.Client();
        foreach (System.Net.Cookie cookie in client.Cookies.GetCookies(first.Address))
        {
            other.Cookies.Add(second.Address, new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
        }

        var page = await other.GetPageAsync("/");
        Assert.Contains("ada <small>admin</small>", page, StringComparison.Ordinal);
    }
}
