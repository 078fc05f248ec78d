using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Marcgate.Catalog.Administration;
using Marcgate.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RazorSlices;

namespace Marcgate.Web.Pages;

/// <summary>The parts every page handler needs: the layout's model, the signed-in user, and notices carried across a redirect.</summary>
internal static class ConsolePage
{
    private const string NoticeCookie = "marcgate.notice";
    private const string NoticePurpose = "Marcgate.Web.Notice";

    // Catalogers read diacritics and scripts: text is written as UTF-8 characters, only markup characters are escaped.
    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The encoder every page and partial writes text with.</summary>
    public static HtmlEncoder Encoder => s_encoder;

    /// <summary>A page: the slice for <paramref name="model"/>, written with <see cref="Encoder"/>, answered with <paramref name="statusCode"/>.</summary>
    public static IResult Render<TSlice, TModel>(TModel model, int statusCode = StatusCodes.Status200OK)
        where TSlice : IRazorSliceProxy<TModel>
    {
        var slice = TSlice.CreateSlice(model);
        slice.HtmlEncoder = s_encoder;
        return Results.RazorSlice(slice, statusCode);
    }

    /// <summary>The layout's model for a page of <paramref name="section"/>, taking the notice left by the last change.</summary>
    public static LayoutModel Layout(HttpContext context, string title, string section) =>
        new(title, section, User(context), Antiforgery(context)) { Notice = TakeNotice(context) };

    /// <summary>The signed-in user, or null.</summary>
    public static SignedInUser? User(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? new SignedInUser(name, context.User.IsInRole(StaffClaims.AdminRole))
            : null;

    /// <summary>The signed-in user's name; the endpoint's policy has made sure there is one.</summary>
    public static string UserName(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("No user is signed in.");

    /// <summary>The signed-in staff user, as the audit log keeps who made a change.</summary>
    public static AuditActor Actor(HttpContext context) => AuditActor.Staff(UserName(context));

    /// <summary>Redirects (303, so the browser asks with GET) after a change, showing <paramref name="notice"/> on the next page.</summary>
    public static IResult RedirectWithNotice(HttpContext context, string location, string notice)
    {
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(NoticePurpose);
        context.Response.Cookies.Append(NoticeCookie, protector.Protect(notice), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(5),
        });
        return SeeOther(location);
    }

    /// <summary>A 303 redirect to a path of the console.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private static string? TakeNotice(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(NoticeCookie, out var protectedNotice))
        {
            return null;
        }

        context.Response.Cookies.Delete(NoticeCookie, new CookieOptions { Path = "/" });
        try
        {
            return context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(NoticePurpose).Unprotect(protectedNotice);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static string Antiforgery(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken ?? string.Empty;

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
