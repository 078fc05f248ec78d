using System.Runtime.CompilerServices;

namespace Marcgate.Marc;

/// <summary>A variable field of a record: a control field (00X) or a data field.</summary>
public abstract class MarcField
{
    /// <summary>Creates a field with a three-character tag.</summary>
    protected MarcField(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Tag = tag;
    }

    /// <summary>The tag, normally three digits; ISO 2709 also allows letters (Aleph's <c>CAT</c>).</summary>
    public string Tag { get; set; }

    /// <summary>True for control fields (no indicators, no subfields).</summary>
    public abstract bool IsControlField { get; }

    /// <summary>A deep copy of this field.</summary>
    public abstract MarcField Clone();

    /// <summary>True when the tag is a control-field tag (00X) in MARC 21.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsControlTag(string tag) => tag.Length == 3 && tag[0] == '0' && tag[1] == '0';
}
