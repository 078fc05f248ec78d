using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace Marcgate.Host;

/// <summary>Parses the <c>ADDR:PORT</c> form of a listener address.</summary>
public static class ListenAddress
{
    /// <summary>The endpoint of <c>ADDR:PORT</c>: an IPv4 or bracketed IPv6 address, <c>*</c> for every IPv4 address, or <c>localhost</c>.</summary>
    /// <exception cref="FormatException">The text is not <c>ADDR:PORT</c>.</exception>
    public static IPEndPoint Parse(string text) =>
        TryParse(text, out var endPoint, out var problem) ? endPoint : throw new FormatException($"listener address {problem}");

    /// <summary>Parses <c>ADDR:PORT</c> as <see cref="Parse"/> does; when it is not, <paramref name="problem"/> says why, quoting the text.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IPEndPoint? endPoint, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        endPoint = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            problem = $"'{text}' is not ADDR:PORT (for example 0.0.0.0:5500 or [::1]:5500)";
            return false;
        }

        var host = text[..colon];
        if (host is "*" or "0.0.0.0")
        {
            endPoint = new IPEndPoint(IPAddress.Any, port);
        }
        else if (host == "localhost")
        {
            endPoint = new IPEndPoint(IPAddress.Loopback, port);
        }
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            endPoint = new IPEndPoint(address, port);
        }
        else
        {
            problem = $"'{text}': '{host}' is not an IP address";
            return false;
        }

        problem = null;
        return true;
    }
}
