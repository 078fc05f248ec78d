namespace Marcgate.Marc.Xml;

/// <summary>Collects the diagnostics of one MARCXML record; in strict mode every recovery counts as an error.</summary>
internal sealed class RecordContext(MarcXmlReader reader, List<MarcDiagnostic> diagnostics)
{
    public int ErrorCount { get; private set; }

    public void Error(string id, string message)
    {
        ErrorCount++;
        diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Error, reader.RecordNumber, -1, message));
    }

    public void Warn(string id, string message)
    {
        if (reader.Mode == MarcReadMode.Strict)
        {
            Error(id, message);
            return;
        }

        diagnostics.Add(new MarcDiagnostic(id, MarcSeverity.Warning, reader.RecordNumber, -1, message));
    }
}
