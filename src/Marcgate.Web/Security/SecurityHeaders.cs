using Microsoft.AspNetCore.Http;

namespace Marcgate.Web.Security;

/// <summary>Headers on every response: scripts, styles and frames from the console itself only, and no sniffing or leaking of addresses.</summary>
internal static class SecurityHeaders
{
    // No inline scripts or styles anywhere: the stylesheet and the script are files of their own (OWASP CSP cheat sheet).
    private const string ContentSecurityPolicy =
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }

        return next();
    }
}
