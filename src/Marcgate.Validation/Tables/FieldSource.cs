namespace Marcgate.Validation.Tables;

/// <summary>Who defines a field: MARC 21 itself, or OCLC for fields MARC 21 leaves to local use.</summary>
internal enum FieldSource
{
    Marc21,
    Oclc,
}
