namespace Marcgate.Export.Options;

/// <summary>Connexion's Export Destination: a TCP/IP connection or a file (gateway §6).</summary>
public enum ExportDestinationKind
{
    /// <summary>Export to a TCP/IP connection (OCLC Gateway Export).</summary>
    Tcp,

    /// <summary>Export to a file.</summary>
    File,
}
