using System.Globalization;
using System.Net;

namespace Marcgate.Host;

/// <summary>Parses the <c>ADDR:PORT</c> form of a listener address.</summary>
public static class ListenAddress
{
    /// <summary>The endpoint of <c>ADDR:PORT</c>: an IPv4 or bracketed IPv6 address, <c>*</c> for every IPv4 address, or <c>localhost</c>.</summary>
    /// <exception cref="FormatException">The text is not <c>ADDR:PORT</c>.</exception>
    public static IPEndPoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new FormatException($"listener address '{text}' is not ADDR:PORT (for example 0.0.0.0:5500 or [::1]:5500)");
        }

        var host = text[..colon];
        if (host is "*" or "0.0.0.0")
        {
            return new IPEndPoint(IPAddress.Any, port);
        }

        if (host == "localhost")
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            throw new FormatException($"listener address '{text}': '{host}' is not an IP address");
        }

        return new IPEndPoint(address, port);
    }
}
