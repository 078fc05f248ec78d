namespace Marcgate.Marc.Formats;

/// <summary>Reads records one at a time from one input, whatever its format.</summary>
public interface IMarcRecordReader : IDisposable
{
    /// <summary>Reads the next record, or returns null at the end of the input.</summary>
    /// <exception cref="IOException">The underlying stream failed.</exception>
    MarcReadResult? Read();

    /// <summary>What was found after the last record (trailing junk, say), known once <see cref="Read"/> has returned null.</summary>
    IReadOnlyList<MarcDiagnostic> EndDiagnostics => [];
}
