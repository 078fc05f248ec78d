using Marcgate.Gateway.Client;

namespace Marcgate.Export.Pipeline;

/// <summary>What a destination did with one record.</summary>
/// <param name="Status">Accepted, Rejected, Failed, Written or NotSent.</param>
/// <param name="Message">The host's human line, the file written, or why it failed.</param>
public sealed record DeliveryResult(ExportStatus Status, string Message)
{
    /// <summary>The host's reply, when one came.</summary>
    public HostReply? Reply { get; init; }

    /// <summary>How many connection attempts the record took (TCP only).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Why earlier attempts failed, in order.</summary>
    public IReadOnlyList<string> RetriedBecause { get; init; } = [];

    /// <summary>What the summary counts this record under: the reply's code, or the kind of failure.</summary>
    public string? Reason { get; init; }

    /// <summary>Set when sending further records cannot help: the export stops after this one.</summary>
    public ExportStop? Stop { get; init; }

    /// <summary>True when the host answered only after a silence of at least the idle-wait threshold, without an EOT sent.</summary>
    public bool AnsweredAfterIdleWait { get; init; }

    /// <summary>True when a kept connection (Permanent Connection) was found closed by the host and reopened for this record.</summary>
    public bool Reconnected { get; init; }

    /// <summary>True when the request carried a user ID (<c>U</c>, Send User ID).</summary>
    public bool SentUserId { get; init; }
}
