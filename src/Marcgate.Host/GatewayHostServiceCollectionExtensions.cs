using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marcgate.Host;

/// <summary>Registers the gateway host with a generic host.</summary>
public static class GatewayHostServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GatewayServer"/> as a hosted service, its options bound from the <c>Gateway</c> section; the <c>IGatewayImporter</c> must be registered too.</summary>
    public static IServiceCollection AddGatewayHost(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GatewayHostOptions.SectionName);
        services.AddOptions<GatewayHostOptions>().Bind(section).PostConfigure(options =>
        {
            // "Listen": "127.0.0.1:5500" (or MARCGATE_Gateway__Listen=…) names the listeners as plainly as a list does;
            // the binder would ignore it and leave the default listener on every address.
            if (options.Listen.Count == 0 && section[nameof(GatewayHostOptions.Listen)] is { Length: > 0 } single)
            {
                options.Listen.AddRange(GatewayHostOptions.SplitListeners(single));
            }

            if (options.Tls.Listen.Count == 0 && section.GetSection(nameof(GatewayHostOptions.Tls))[nameof(GatewayTlsOptions.Listen)] is { Length: > 0 } tls)
            {
                options.Tls.Listen.AddRange(GatewayHostOptions.SplitListeners(tls));
            }
        });
        services.AddSingleton<GatewayServer>();
        services.AddHostedService(provider => provider.GetRequiredService<GatewayServer>());
        return services;
    }
}
