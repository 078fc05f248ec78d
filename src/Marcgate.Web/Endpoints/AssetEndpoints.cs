using System.Security.Cryptography;
using Marcgate.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Marcgate.Web.Endpoints;

/// <summary><c>/assets/NAME</c>: the stylesheet and script, served from the assembly (no CDN, no files beside the program).</summary>
internal static class AssetEndpoints
{
    private static readonly Dictionary<string, string> s_types = new(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder routes)
    {
        var assets = Load();
        routes.MapGet("/assets/{name}", (HttpContext context, string name) =>
        {
            if (!assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ETag = asset.ETag;
            return context.Request.Headers.IfNoneMatch == asset.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(asset.Content, asset.ContentType);
        }).For(ConsoleAccess.Anyone);
    }

    private static Dictionary<string, (byte[] Content, string ContentType, string ETag)> Load()
    {
        var assembly = typeof(AssetEndpoints).Assembly;
        var assets = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("wwwroot.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource["wwwroot.".Length..];
            var type = s_types.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            assets[name] = (content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        return assets;
    }
}
