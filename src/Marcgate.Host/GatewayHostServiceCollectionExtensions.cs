using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marcgate.Host;

/// <summary>Registers the gateway host with a generic host.</summary>
public static class GatewayHostServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GatewayServer"/> as a hosted service, its options bound from the <c>Gateway</c> section; the <c>IGatewayImporter</c> must be registered too.</summary>
    public static IServiceCollection AddGatewayHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayHostOptions>().Bind(configuration.GetSection(GatewayHostOptions.SectionName));
        services.AddSingleton<GatewayServer>();
        services.AddHostedService(provider => provider.GetRequiredService<GatewayServer>());
        return services;
    }
}
