namespace Marcgate.Validation;

/// <summary>Connexion's validation levels; each level checks everything the one before it does.</summary>
public enum ValidationLevel
{
    /// <summary>No checks.</summary>
    None,

    /// <summary>Well-formed ISO 2709 and the required elements: leader, 001, 005, 008, 040 $c, 245 $a or $k (bibliographic), valid indicators.</summary>
    Structure,

    /// <summary>Structure plus every element valid: tags, indicators, subfield codes, repeatability, lengths, fixed-field codes, structured-field syntax.</summary>
    Basic,

    /// <summary>Basic plus the relationships between elements.</summary>
    Full,
}
