namespace Marcgate.Validation;

/// <summary>Connexion's validation levels; each level checks everything the one before it does (docs/validation.md).</summary>
public enum ValidationLevel
{
    /// <summary>No checks: every record is accepted as read.</summary>
    None,

    /// <summary>
    /// Well-formed MARC 21 with the required elements (VAL101-108): leader/06 a MARC 21 type of record,
    /// leader/10-11 "22" and 20-23 "4500"; 001, 005 and 008 present; bibliographic 040 $c and 245 $a or $k;
    /// authority 040 $c; holdings 004; tags of three letters or digits; control and data fields where their
    /// tags say; indicators blank, digit or lowercase letter; subfield codes lowercase letter or digit; no empty fields.
    /// </summary>
    Structure,

    /// <summary>
    /// Structure plus every element valid against the generated MARC 21 and OCLC tables (VAL201-211): tags
    /// defined (9XX and X9X left local), field and subfield repeatability, indicator values, subfield codes,
    /// obsolete fields (warning); leader codes, 008 length and positions by material type, 006 by form and
    /// 007 by category; language, country, geographic area and relator codes; 005 and 008/00-05 dates;
    /// control characters in data.
    /// </summary>
    Basic,

    /// <summary>
    /// Basic plus the relationships between elements (VAL301-309): one 1XX; 880 linkage and 880s checked by
    /// their field's rules; 008/07-14 against 260/264 $c; 008/35-37 against 041; 040 $b; leader/17-18 against
    /// 008 and 040 $e; ISBN and ISSN check digits; 010 and 035 syntax; 006/007 length by category; 245 second
    /// indicator against the leading article; 066 for MARC-8 character sets in use.
    /// </summary>
    Full,
}
