namespace Marcgate.Marc.Mnemonic;

/// <summary>Diagnostics of one mnemonic record, located by line number and byte offset.</summary>
internal sealed class LineContext(MarcReaderOptions options, long recordNumber, List<MarcDiagnostic> diagnostics)
{
    public MnemonicReader.Line Line { get; set; }

    public int ErrorCount { get; private set; }

    public void Error(string id, int column, string message)
    {
        ErrorCount++;
        diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Error, recordNumber, Line.Offset + column, $"line {Line.Number}: {message}"));
    }

    // In strict mode every recovery is an error, as in the ISO 2709 reader.
    public void Warn(string id, int column, string message)
    {
        if (options.Mode == MarcReadMode.Strict)
        {
            Error(id, column, message);
            return;
        }

        diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Warning, recordNumber, Line.Offset + column, $"line {Line.Number}: {message}"));
    }
}
