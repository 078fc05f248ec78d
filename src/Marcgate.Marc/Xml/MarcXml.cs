namespace Marcgate.Marc.Xml;

/// <summary>Names of the LoC MARC21slim schema (https://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd).</summary>
internal static class MarcXml
{
    public const string Namespace = "http://www.loc.gov/MARC21/slim";
    public const string Collection = "collection";
    public const string Record = "record";
    public const string Leader = "leader";
    public const string ControlField = "controlfield";
    public const string DataField = "datafield";
    public const string Subfield = "subfield";
    public const string Tag = "tag";
    public const string Indicator1 = "ind1";
    public const string Indicator2 = "ind2";
    public const string Code = "code";
}
