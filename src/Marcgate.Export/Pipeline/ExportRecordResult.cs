using Marcgate.Gateway.Client;

namespace Marcgate.Export.Pipeline;

/// <summary>The outcome of one record, one line of the final summary.</summary>
/// <param name="Item">The record exported.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Message">The host's human line, the file written, or the failure.</param>
public sealed record ExportRecordResult(ExportItem Item, ExportStatus Status, string Message)
{
    /// <summary>Details of a failure (validation findings, earlier attempts).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The host's reply, when one came.</summary>
    public HostReply? Reply { get; init; }

    /// <summary>Connection attempts used.</summary>
    public int Attempts { get; init; }

    /// <summary>What the summary counts a rejected, failed or unsent record under: the reply's code or the kind of failure.</summary>
    public string? Reason { get; init; }

    /// <summary>What the destination reported, when the record reached it.</summary>
    public DeliveryResult? Delivery { get; init; }

    /// <summary>True unless the record failed, was rejected or was not sent.</summary>
    public bool Succeeded => Status is ExportStatus.Accepted or ExportStatus.Written or ExportStatus.Flagged;

    /// <summary>What became of the record in one or two words: the host's action (<c>added</c>, <c>overlaid</c>, …) when it accepted it, else the status.</summary>
    public string Outcome => Status switch
    {
        ExportStatus.Accepted => Reply?.Action ?? "accepted",
        ExportStatus.NotSent => "not sent",
        _ => Status.ToString().ToLowerInvariant(),
    };
}
