namespace Marcgate.Marc.Formats;

/// <summary>Writes records one at a time to one output, whatever its format.</summary>
public interface IMarcRecordWriter : IDisposable
{
    /// <summary>Writes one record; characters the format cannot carry are reported in <paramref name="diagnostics"/>.</summary>
    /// <exception cref="MarcFormatException">The record cannot be represented in this format.</exception>
    void Write(MarcRecord record, List<MarcDiagnostic>? diagnostics = null, long recordNumber = 0);

    /// <summary>Writes whatever closes the document (end tags, brackets) and flushes the output.</summary>
    void Complete();
}
