namespace Marcgate.Export.Pipeline;

/// <summary>What became of one record.</summary>
public enum ExportStatus
{
    /// <summary>The host replied that it took the record.</summary>
    Accepted,

    /// <summary>The host replied with an error.</summary>
    Rejected,

    /// <summary>The record was not delivered: unreadable, invalid, unconvertible, or the connection failed.</summary>
    Failed,

    /// <summary>The record was written to the export file.</summary>
    Written,

    /// <summary>Mark for Export and Save Record: the record was saved and flagged instead of sent.</summary>
    Flagged,

    /// <summary>The export stopped before this record reached the host (<see cref="ExportStop"/> says why).</summary>
    NotSent,
}
