namespace Marcgate.Marc;

/// <summary>A control field (001-009): a tag and a value, no indicators or subfields.</summary>
public sealed class ControlField : MarcField
{
    /// <summary>Creates a control field.</summary>
    public ControlField(string tag, string value)
        : base(tag)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The field's data, without the field terminator.</summary>
    public string Value { get; set; }

    /// <inheritdoc />
    public override bool IsControlField => true;

    /// <inheritdoc />
    public override MarcField Clone() => new ControlField(Tag, Value);

    /// <inheritdoc />
    public override string ToString() => $"{Tag} {Value}";
}
