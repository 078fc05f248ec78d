namespace Marcgate.Marc.Formats;

/// <summary>The serializations of MARC 21 records that Marcgate reads and writes.</summary>
public enum MarcFormat
{
    /// <summary>ISO 2709 transmission format (MARC 21 Specifications, "Record Structure").</summary>
    Iso2709,

    /// <summary>MARCXML, LoC MARC21slim schema (http://www.loc.gov/standards/marcxml/).</summary>
    MarcXml,

    /// <summary>MARC-in-JSON as yaz, marc4j and pymarc write it.</summary>
    MarcJson,

    /// <summary>MarcEdit/MARCMaker mnemonic text (<c>.mrk</c>, <c>.mrk8</c>).</summary>
    Mnemonic,
}
