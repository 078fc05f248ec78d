namespace Marcgate.Export.Options;

/// <summary>Connexion's Export File Type (gateway §6).</summary>
public enum ExportFileType
{
    /// <summary>Each record is its own transmission (TCP) or its own file.</summary>
    Individual,

    /// <summary>One connection for the whole batch (TCP) or one file holding every record.</summary>
    Single,
}
