namespace Marcgate.Marc.Formats;

/// <summary>What a conversion did, for the exit code and the closing message.</summary>
public sealed class ConversionSummary
{
    /// <summary>Records read, including rejected ones.</summary>
    public long RecordsRead { get; set; }

    /// <summary>Records written to the output.</summary>
    public long RecordsWritten { get; set; }

    /// <summary>Records with at least one error-severity diagnostic (rejected, or not writable).</summary>
    public long RecordsWithErrors { get; set; }

    /// <summary>Warnings reported.</summary>
    public long Warnings { get; set; }
}
