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

    /// <summary>True unless the record failed or was rejected.</summary>
    public bool Succeeded => Status is ExportStatus.Accepted or ExportStatus.Written or ExportStatus.Flagged;
}
