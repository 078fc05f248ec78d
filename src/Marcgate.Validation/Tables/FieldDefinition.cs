namespace Marcgate.Validation.Tables;

/// <summary>A field as its format defines it: repeatability, indicator values, subfield codes.</summary>
internal sealed class FieldDefinition
{
    private readonly SubfieldDefinition?[] _subfields = new SubfieldDefinition?[128];

    /// <remarks>Indicators are the allowed values (null for control fields); obsolete says why the field is obsolete, null when current.</remarks>
    public FieldDefinition(string tag, string label, bool repeatable, string? indicator1, string? indicator2, SubfieldDefinition[] subfields, FieldSource source, string? obsolete)
    {
        Tag = tag;
        Label = label;
        Repeatable = repeatable;
        Indicator1 = indicator1;
        Indicator2 = indicator2;
        Source = source;
        Obsolete = obsolete;
        foreach (var subfield in subfields)
        {
            _subfields[subfield.Code & 0x7f] = subfield;
        }

        HasSubfields = subfields.Length > 0;
    }

    public string Tag { get; }

    public string Label { get; }

    public bool Repeatable { get; }

    public string? Indicator1 { get; }

    public string? Indicator2 { get; }

    public FieldSource Source { get; }

    public string? Obsolete { get; }

    /// <summary>True when the field has subfields defined (data fields).</summary>
    public bool HasSubfields { get; }

    public SubfieldDefinition? Subfield(char code) => code < 128 ? _subfields[code] : null;
}
