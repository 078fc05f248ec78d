namespace Marcgate.Gateway;

/// <summary>The outcome of one <see cref="GatewayRequestReader.Read"/> call over the buffered bytes.</summary>
public sealed record GatewayReadResult
{
    /// <summary>What was found.</summary>
    public required GatewayReadStatus Status { get; init; }

    /// <summary>Bytes the session may discard: the whole request (and its EOT) when complete, the noise when idle; otherwise 0.</summary>
    public int Consumed { get; init; }

    /// <summary>The request, when <see cref="Status"/> is <see cref="GatewayReadStatus.Complete"/>.</summary>
    public GatewayRequest? Request { get; init; }

    /// <summary>The §4 error code, when <see cref="Status"/> is <see cref="GatewayReadStatus.Invalid"/>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>What is wrong and at which byte, for the reply's human line.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Offset in the buffer of the byte found wrong.</summary>
    public int ErrorOffset { get; init; }

    internal static GatewayReadResult Idle(int consumed) => new() { Status = GatewayReadStatus.Idle, Consumed = consumed };

    internal static GatewayReadResult NeedMoreData { get; } = new() { Status = GatewayReadStatus.NeedMoreData };

    internal static GatewayReadResult CompleteIfQuiet { get; } = new() { Status = GatewayReadStatus.CompleteIfQuiet };

    internal static GatewayReadResult Invalid(string code, string message, int offset) =>
        new() { Status = GatewayReadStatus.Invalid, ErrorCode = code, ErrorMessage = message, ErrorOffset = offset };
}
