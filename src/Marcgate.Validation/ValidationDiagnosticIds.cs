namespace Marcgate.Validation;

/// <summary>Stable identifiers of validation findings; VAL1xx Structure, VAL2xx Basic, VAL3xx Full.</summary>
public static class ValidationDiagnosticIds
{
    /// <summary>Leader/10-11 or 20-23 is not what MARC 21 fixes, or leader/06 names no record type.</summary>
    public const string LeaderInvalid = "VAL101";

    /// <summary>A field the level requires (001, 005, 008, 040, 245, 004) is missing.</summary>
    public const string RequiredFieldMissing = "VAL102";

    /// <summary>A subfield the level requires (040 $c, 245 $a or $k) is missing.</summary>
    public const string RequiredSubfieldMissing = "VAL103";

    /// <summary>A tag is not three ASCII digits or letters.</summary>
    public const string TagMalformed = "VAL104";

    /// <summary>A control-field tag holds indicators and subfields, or a data-field tag holds none.</summary>
    public const string FieldShapeInvalid = "VAL105";

    /// <summary>An indicator is not a blank, a digit or a lowercase letter.</summary>
    public const string IndicatorMalformed = "VAL106";

    /// <summary>A subfield code is not a lowercase letter or a digit.</summary>
    public const string SubfieldCodeMalformed = "VAL107";

    /// <summary>A field or subfield holds no data.</summary>
    public const string FieldEmpty = "VAL108";

    /// <summary>A tag that this format does not define.</summary>
    public const string TagUndefined = "VAL201";

    /// <summary>A non-repeatable field occurs more than once.</summary>
    public const string FieldNotRepeatable = "VAL202";

    /// <summary>An indicator value that the field does not define.</summary>
    public const string IndicatorUndefined = "VAL203";

    /// <summary>A subfield code that the field does not define.</summary>
    public const string SubfieldUndefined = "VAL204";

    /// <summary>A non-repeatable subfield occurs more than once in a field.</summary>
    public const string SubfieldNotRepeatable = "VAL205";

    /// <summary>A fixed field (leader, 006, 007, 008) is the wrong length.</summary>
    public const string FixedFieldLength = "VAL206";

    /// <summary>A fixed-field position holds a code its definition does not list.</summary>
    public const string FixedFieldCodeUndefined = "VAL207";

    /// <summary>A tag, indicator value or subfield code that MARC 21 has made obsolete.</summary>
    public const string Obsolete = "VAL208";

    /// <summary>A coded value (language, country, geographic area, relator) missing from its MARC code list.</summary>
    public const string CodeNotInList = "VAL209";

    /// <summary>A coded value that its MARC code list marks obsolete (discontinued).</summary>
    public const string CodeObsolete = "VAL210";

    /// <summary>A structured field or position (date, control number, 035, 010) does not follow its syntax.</summary>
    public const string SyntaxInvalid = "VAL211";

    /// <summary>More than one 1XX main entry.</summary>
    public const string MainEntryRepeated = "VAL301";

    /// <summary>880 $6 is missing, malformed, or points to a field that is not there.</summary>
    public const string LinkageInvalid = "VAL302";

    /// <summary>008/07-14 dates disagree with the 260/264 $c date.</summary>
    public const string DatesDisagree = "VAL303";

    /// <summary>008/35-37 language disagrees with 041 $a.</summary>
    public const string LanguageDisagrees = "VAL304";

    /// <summary>Leader/17-18 disagrees with the rest of the record.</summary>
    public const string EncodingLevelDisagrees = "VAL305";

    /// <summary>ISBN or ISSN check digit is wrong.</summary>
    public const string CheckDigitInvalid = "VAL306";

    /// <summary>245 second indicator disagrees with the title's leading article.</summary>
    public const string NonfilingDisagrees = "VAL307";

    /// <summary>MARC-8 data uses non-default character sets but 066 does not declare them.</summary>
    public const string CharacterSetsUndeclared = "VAL308";

    /// <summary>006 or 007 length does not fit its form of material or category.</summary>
    public const string FixedFieldLengthForCategory = "VAL309";
}
