using Marcgate.Gateway.Client;

namespace Marcgate.Export.Pipeline;

/// <summary>What a destination did with one record.</summary>
/// <param name="Status">Accepted, Rejected, Failed or Written.</param>
/// <param name="Message">The host's human line, the file written, or why it failed.</param>
public sealed record DeliveryResult(ExportStatus Status, string Message)
{
    /// <summary>The host's reply, when one came.</summary>
    public HostReply? Reply { get; init; }

    /// <summary>How many connection attempts the record took (TCP only).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Why earlier attempts failed, in order.</summary>
    public IReadOnlyList<string> RetriedBecause { get; init; } = [];
}
