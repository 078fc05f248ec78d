namespace Marcgate.Validation.Tables;

/// <summary>Which content designator of a field an obsolete code belongs to.</summary>
internal enum ObsoleteCodeKind
{
    Indicator1,
    Indicator2,
    Subfield,
}
