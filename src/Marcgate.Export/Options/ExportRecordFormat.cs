namespace Marcgate.Export.Options;

/// <summary>The record format written (Connexion's "Flagged Bibliographic Record Export Format").</summary>
public enum ExportRecordFormat
{
    /// <summary>MARC 21 in ISO 2709, the only format a gateway host accepts.</summary>
    Iso2709,

    /// <summary>MARCXML, for file destinations.</summary>
    MarcXml,
}
