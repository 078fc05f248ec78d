using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Marcgate.Web.Security;

/// <summary>Checks the antiforgery token of every request that can change something, whichever endpoint it is for.</summary>
/// <remarks>One check for all forms, so that a form added later cannot forget it.</remarks>
internal static class FormProtection
{
    /// <summary>The form field holding the token.</summary>
    public const string FieldName = "_csrf";

    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next().ConfigureAwait(false);
            return;
        }

        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("Antiforgery is not registered.");
        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This form has expired or did not come from the console. Go back, reload the page and send it again.").ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }
}
