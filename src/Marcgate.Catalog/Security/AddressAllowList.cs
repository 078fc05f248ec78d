using System.Net;

namespace Marcgate.Catalog.Security;

/// <summary>An account's IP allow-list (gateway §1: browser exports come from OCLC's servers): single addresses or CIDR ranges.</summary>
public static class AddressAllowList
{
    /// <summary>True when the list is empty or holds the peer's address; entries that do not parse allow nothing.</summary>
    public static bool Allows(IReadOnlyList<string> entries, string peerAddress)
    {
        if (entries.Count == 0)
        {
            return true;
        }

        if (!TryParsePeer(peerAddress, out var address))
        {
            return false;
        }

        foreach (var entry in entries)
        {
            if (TryParseEntry(entry, out var network) && network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads one entry: <c>192.0.2.7</c>, <c>192.0.2.0/24</c>, <c>2001:db8::/32</c>; false when it is neither an address nor a range.</summary>
    public static bool TryParseEntry(string entry, out IPNetwork network)
    {
        network = default;
        var text = entry.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(text, out network);
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        address = Canonical(address);
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    private static bool TryParsePeer(string peerAddress, out IPAddress address)
    {
        // Peers come as "address" or "address:port" / "[v6]:port" depending on the listener.
        if (IPAddress.TryParse(peerAddress, out address!) || (IPEndPoint.TryParse(peerAddress, out var endPoint) && (address = endPoint.Address) is not null))
        {
            address = Canonical(address);
            return true;
        }

        return false;
    }

    // A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d; the allow-list is written in IPv4.
    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
