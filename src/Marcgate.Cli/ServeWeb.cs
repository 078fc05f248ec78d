using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Host;
using Marcgate.Validation;
using Marcgate.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marcgate.Cli;

/// <summary>
/// <c>marcgate serve</c> with the web console: one process, one web application hosting the gateway listeners beside
/// Kestrel, both over the one store and import pipeline.
/// </summary>
internal static class ServeWeb
{
    public static async Task<int> RunAsync(
        IReadOnlyDictionary<string, string?> overrides, WebConsoleOptions options, ICatalogStore store, string storeHint, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // Tried before anything starts, so that an address in use is one line naming it rather than the host's logged stack trace.
        foreach (var address in options.EffectiveListeners)
        {
            var endPoint = ListenAddress.Parse(address);
            using var probe = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(endPoint);
            }
            catch (SocketException ex)
            {
                await error.WriteLineAsync($"marcgate serve: cannot listen on {address} for the web console: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        X509Certificate2? certificate = null;
        if (options.Certificate.Path is { Length: > 0 } certificatePath)
        {
            try
            {
                certificate = X509Certificate2.CreateFromPemFile(certificatePath, options.Certificate.KeyPath);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                await error.WriteLineAsync($"marcgate serve: cannot read the web console's certificate {certificatePath} (Web:Certificate): {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        using (certificate)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory, Args = [] });
            GatewayHostApplication.Configure(builder, overrides);

            // Requests are not logged one by one; the key ring's note that keys are stored unencrypted is by design (StoreXmlRepository).
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

            var activity = new ImportActivity();
            GatewayHostApplication.AddGateway(builder, store, MarcValidator.Instance, activity);
            var import = builder.Configuration.GetSection(GatewayHostApplication.ImportSectionName).Get<ImportOptions>() ?? new ImportOptions();
            builder.Services.AddWebConsole(options, new WebConsoleContext(store, storeHint)
            {
                Activity = activity,
                MaxFailuresPerLogonId = import.Lockout.MaxFailuresPerLogonId,
                LockoutWindow = import.Lockout.Window,
            });
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                foreach (var address in options.EffectiveListeners)
                {
                    kestrel.Listen(ListenAddress.Parse(address), listen =>
                    {
                        if (certificate is not null)
                        {
                            listen.UseHttps(certificate);
                        }
                    });
                }
            });

            await using var app = builder.Build();
            app.MapWebConsole(new GatewayListenerStatus(app.Services.GetRequiredService<GatewayServer>()));
            return await GatewayHostApplication.RunHostAsync(app, output, error, () => ReadyLines(app), cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> ReadyLines(WebApplication app) =>
        (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => $"Web console on {address}");
}
