using System.Net;
using System.Net.Sockets;
using Marcgate.Gateway.Client;

namespace Marcgate.Cli.Tests;

/// <summary>One request on a connection of its own, as Connexion sends, to a host on loopback.</summary>
internal static class GatewayExchange
{
    /// <summary>
    /// The host's reply; null when the connection failed or was reset (a node killed, say). No reply within a minute throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<HostReply?> SendAsync(int port, GatewayRequestBytes request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
            await socket.SendAsync(request.Bytes, SocketFlags.None, timeout.Token);
            var reader = new GatewayReplyReader();
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (received == 0)
                {
                    return reader.Close();
                }

                if (reader.Feed(buffer.AsSpan(0, received), out _) != GatewayReplyState.NeedMore)
                {
                    return reader.Reply;
                }
            }
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
