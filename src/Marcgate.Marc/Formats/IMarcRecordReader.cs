namespace Marcgate.Marc.Formats;

/// <summary>Reads records one at a time from one input, whatever its format.</summary>
/// <remarks>
/// Every reader (<see cref="Iso2709.Iso2709Reader"/>, <see cref="Xml.MarcXmlReader"/>, <see cref="Json.MarcJsonReader"/>,
/// <see cref="Mnemonic.MnemonicReader"/>) has the same shape: a constructor <c>(Stream stream, MarcReaderOptions? options = null, bool leaveOpen = false)</c>
/// and a static <c>ReadAll(byte[] bytes, MarcReaderOptions? options = null)</c> giving one <see cref="MarcReadResult"/> per record, each with its diagnostics.
/// </remarks>
public interface IMarcRecordReader : IDisposable
{
    /// <summary>Reads the next record, or returns null at the end of the input.</summary>
    /// <exception cref="IOException">The underlying stream failed.</exception>
    MarcReadResult? Read();

    /// <summary>What was found after the last record (trailing junk, say), known once <see cref="Read"/> has returned null.</summary>
    IReadOnlyList<MarcDiagnostic> EndDiagnostics => [];
}
