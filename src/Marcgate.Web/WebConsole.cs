using Marcgate.Web.Cataloging;
using Marcgate.Web.Endpoints;
using Marcgate.Web.Pages;
using Marcgate.Web.Security;
using Marcgate.Web.Slices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Marcgate.Web;

/// <summary>The web console: staff sign-in, pages over the catalog's application services, health and metrics endpoints.</summary>
public static class WebConsole
{
    /// <summary>The meter Marcgate's own instruments are published under; <c>/metrics</c> exports it with the runtime's and ASP.NET Core's.</summary>
    public const string MeterName = "Marcgate";

    /// <summary>The options of the <c>Web</c> section of <paramref name="configuration"/>, with a single <c>Listen</c> string split into its addresses.</summary>
    public static WebConsoleOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WebConsoleOptions.SectionName);
        var options = section.Get<WebConsoleOptions>() ?? new WebConsoleOptions();
        if (options.Listen.Count == 0 && section[nameof(WebConsoleOptions.Listen)] is { Length: > 0 } single)
        {
            options.Listen.AddRange(single.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return options;
    }

    /// <summary>Registers what the console needs: cookie sign-in with its key ring in the store, authorization policies, antiforgery.</summary>
    /// <param name="services">The web application's services.</param>
    /// <param name="options">The console's settings.</param>
    /// <param name="console">The store and what the program knows of the process.</param>
    public static IServiceCollection AddWebConsole(this IServiceCollection services, WebConsoleOptions options, WebConsoleContext console)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        services.AddSingleton(console);

        services.TryAddTimeProvider();
        services.AddDataProtection().SetApplicationName("Marcgate");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new StoreXmlRepository(console.Store, provider.GetRequiredService<TimeProvider>())));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "marcgate.signin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = options.SignInIdleTimeout;
            cookie.LoginPath = "/signin";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnValidatePrincipal = async context =>
            {
                // A removed user, a changed role or a new password ends the sign-in at once, on every node.
                var name = context.Principal?.Identity?.Name;
                var user = name is null ? null : await console.Store.FindStaffUserAsync(name, context.HttpContext.RequestAborted).ConfigureAwait(false);
                if (user is null || !StaffClaims.StillMatches(context.Principal!, user))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
                }
            };
            cookie.Events.OnRedirectToLogin = context =>
            {
                // Scripts and scrapers get the status; people get the sign-in page.
                if (context.Request.Path.StartsWithSegments("/events") || context.Request.Path.StartsWithSegments("/metrics"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                IResult page = ConsolePage.Render<Forbidden, LayoutModel>(ConsolePage.Layout(context.HttpContext, "Admins only", string.Empty), StatusCodes.Status403Forbidden);
                return page.ExecuteAsync(context.HttpContext);
            };
        });
        ConsolePolicies.Add(services.AddAuthorizationBuilder(), options);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterName, "System.Runtime", "System.Net.Http", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization")
            .AddPrometheusExporter());
        services.AddCatalogingPages(options);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.FormFieldName = FormProtection.FieldName;
            antiforgery.Cookie.Name = "marcgate.csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>Adds the console's middleware and endpoints to the application.</summary>
    /// <param name="app">The web application.</param>
    /// <param name="listeners">The gateway listeners of the process, for the dashboard and <c>/readyz</c>.</param>
    public static WebApplication MapWebConsole(this WebApplication app, IListenerStatus listeners)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(listeners);
        var console = app.Services.GetRequiredService<WebConsoleContext>();
        app.Use(SecurityHeaders.Apply);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(FormProtection.Apply);
        AssetEndpoints.Map(app);
        HealthEndpoints.Map(app, console, listeners);
        SignInEndpoints.Map(app, console);
        app.MapPrometheusScrapingEndpoint("/metrics").For(ConsoleAccess.Metrics);
        DashboardEndpoints.Map(app, console, listeners);
        ReceiptsEndpoints.Map(app, console);
        RecordsEndpoints.Map(app, console);
        ReviewEndpoints.Map(app, console);
        RepositoriesEndpoints.Map(app, console);
        AccountsEndpoints.Map(app, console);
        ProfilesEndpoints.Map(app, console);
        AuditEndpoints.Map(app, console);
        app.MapCatalogingPages(console);
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
