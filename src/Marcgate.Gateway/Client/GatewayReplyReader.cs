namespace Marcgate.Gateway.Client;

/// <summary>Collects a host's reply from the bytes as they arrive, up to the NUL of gateway §4; no I/O.</summary>
public sealed class GatewayReplyReader
{
    /// <summary>The default limit on a reply's length; real replies are a few hundred bytes.</summary>
    public const int DefaultMaxReplyBytes = 64 * 1024;

    private readonly int _maxReplyBytes;
    private readonly MemoryStream _text = new();

    /// <summary>Creates a reader with a limit on the reply's length.</summary>
    public GatewayReplyReader(int maxReplyBytes = DefaultMaxReplyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReplyBytes, 1);
        _maxReplyBytes = maxReplyBytes;
    }

    /// <summary>The reply, once <see cref="Feed"/> returned <see cref="GatewayReplyState.Complete"/> or <see cref="Close"/> found text.</summary>
    public HostReply? Reply { get; private set; }

    /// <summary>How many bytes of the reply have been received so far (without the NUL).</summary>
    public long Received => _text.Length;

    /// <summary>Takes the next bytes from the host.</summary>
    /// <param name="bytes">Bytes as received.</param>
    /// <param name="consumed">How many of them belong to this reply (through the NUL); the rest were sent after it.</param>
    public GatewayReplyState Feed(ReadOnlySpan<byte> bytes, out int consumed)
    {
        if (Reply is not null)
        {
            consumed = 0;
            return GatewayReplyState.Complete;
        }

        var nul = bytes.IndexOf((byte)0);
        var text = nul < 0 ? bytes : bytes[..nul];
        if (_text.Length + text.Length > _maxReplyBytes)
        {
            consumed = bytes.Length;
            return GatewayReplyState.TooLong;
        }

        // A lone NUL before any text is the host echoing an EOT; it is not an empty reply (gateway §5).
        if (nul == 0 && _text.Length == 0)
        {
            consumed = 1;
            return GatewayReplyState.NeedMore;
        }

        _text.Write(text);
        if (nul < 0)
        {
            consumed = bytes.Length;
            return GatewayReplyState.NeedMore;
        }

        consumed = nul + 1;
        Reply = HostReply.Parse(_text.ToArray(), GatewayReplyEnd.Nul);
        return GatewayReplyState.Complete;
    }

    /// <summary>The host closed the connection: the text so far is the reply, or null when nothing came (gateway §4: "closed by remote host").</summary>
    public HostReply? Close()
    {
        if (Reply is null && _text.Length > 0)
        {
            Reply = HostReply.Parse(_text.ToArray(), GatewayReplyEnd.Closed);
        }

        return Reply;
    }
}
