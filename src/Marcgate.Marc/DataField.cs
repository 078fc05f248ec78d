using System.Text;

namespace Marcgate.Marc;

/// <summary>A data field: tag, two indicators and an ordered list of subfields.</summary>
public sealed partial class DataField : MarcField
{
    private readonly List<Subfield> _subfields;

    /// <summary>Creates a data field.</summary>
    public DataField(string tag, char indicator1, char indicator2, IEnumerable<Subfield>? subfields = null)
        : base(tag)
    {
        Indicator1 = indicator1;
        Indicator2 = indicator2;
        _subfields = subfields is null ? [] : [.. subfields];
    }

    // The reader's path: subfields are added one by one after construction.
    internal DataField(string tag, char indicator1, char indicator2, int subfieldCapacity)
        : base(tag)
    {
        Indicator1 = indicator1;
        Indicator2 = indicator2;
        _subfields = new List<Subfield>(subfieldCapacity);
    }

    /// <summary>First indicator (blank is a space).</summary>
    public char Indicator1 { get; set; }

    /// <summary>Second indicator (blank is a space).</summary>
    public char Indicator2 { get; set; }

    /// <summary>The subfields in the order they were read or added.</summary>
    public List<Subfield> Subfields
    {
        get
        {
            // A field read for bulk validation holds its subfields undecoded until here (DataField.Pending.cs).
            if (IsPending)
            {
                Materialize();
            }

            return _subfields;
        }
    }

    /// <inheritdoc />
    public override bool IsControlField => false;

    /// <summary>The value of the first subfield with this code, or null.</summary>
    public string? this[char code] => Indexed.IndexOf(code) is var at and >= 0 ? Indexed.Value(at) : null;

    /// <summary>The values of every subfield with this code, in order.</summary>
    public IEnumerable<string> ValuesOf(char code)
    {
        for (var at = Indexed.IndexOf(code); at >= 0; at = Indexed.IndexOf(code, at + 1))
        {
            yield return Indexed.Value(at);
        }
    }

    /// <inheritdoc />
    public override MarcField Clone() => new DataField(Tag, Indicator1, Indicator2, Subfields);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append(Tag).Append(' ').Append(Indicator1).Append(Indicator2).Append(' ');
        foreach (var subfield in Subfields)
        {
            text.Append('$').Append(subfield.Code).Append(subfield.Value);
        }

        return text.ToString();
    }
}
