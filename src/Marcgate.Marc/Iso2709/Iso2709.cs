namespace Marcgate.Marc.Iso2709;

/// <summary>ISO 2709 structural constants (MARC 21 Specifications, "Record structure").</summary>
internal static class Iso2709
{
    public const byte SubfieldDelimiter = 0x1F;
    public const byte FieldTerminator = 0x1E;
    public const byte RecordTerminator = 0x1D;
    public const int DirectoryEntryLength = 12;
    public const int MaxRecordLength = 99_999;
}
