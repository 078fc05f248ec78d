namespace Marcgate.Marc;

/// <summary>Stable identifiers of codec diagnostics; tools and tests match on these, never on messages.</summary>
public static class MarcDiagnosticIds
{
    /// <summary>Fewer than 24 bytes where a leader was expected.</summary>
    public const string LeaderTooShort = "MARC001";

    /// <summary>Leader/00-04 is not five digits or does not match the record's bytes.</summary>
    public const string RecordLengthMismatch = "MARC002";

    /// <summary>Leader/12-16 is not five digits or does not point just past the directory.</summary>
    public const string BaseAddressInvalid = "MARC003";

    /// <summary>The directory is not a whole number of 12-byte entries, or has no terminator.</summary>
    public const string DirectoryMalformed = "MARC004";

    /// <summary>A directory entry holds non-digits in its length or start position.</summary>
    public const string DirectoryEntryInvalid = "MARC005";

    /// <summary>A directory entry points outside the record's data.</summary>
    public const string FieldOutOfBounds = "MARC006";

    /// <summary>A field does not end with the field terminator 0x1E.</summary>
    public const string FieldTerminatorMissing = "MARC007";

    /// <summary>The record does not end with the record terminator 0x1D.</summary>
    public const string RecordTerminatorMissing = "MARC008";

    /// <summary>Bytes between records that belong to none (0x1A, spaces, newlines, stray 0x1D).</summary>
    public const string BytesSkipped = "MARC009";

    /// <summary>Leader/10-11 or 20-23 not as MARC 21 requires; the standard values were assumed.</summary>
    public const string LeaderDefaultsAssumed = "MARC010";

    /// <summary>A data field is too short to hold its indicators.</summary>
    public const string IndicatorsMissing = "MARC011";

    /// <summary>Bytes that are not valid UTF-8 in a record that claims Unicode.</summary>
    public const string InvalidUtf8 = "MARC012";

    /// <summary>Leader/09 is blank but the bytes are UTF-8; read as UTF-8.</summary>
    public const string Utf8UnderMarc8Leader = "MARC013";

    /// <summary>A MARC-8 escape sequence or character that no code table defines.</summary>
    public const string Marc8Invalid = "MARC014";

    /// <summary>The record exceeds a configured limit (size, field count).</summary>
    public const string LimitExceeded = "MARC015";

    /// <summary>Data before the first subfield delimiter of a data field.</summary>
    public const string DataBeforeFirstSubfield = "MARC016";

    /// <summary>The input ends inside a record.</summary>
    public const string UnexpectedEnd = "MARC017";

    /// <summary>A MARCXML, MARC-in-JSON or mnemonic-text document that does not follow its format.</summary>
    public const string SyntaxError = "MARC018";

    /// <summary>A character the output format cannot carry (XML 1.0 forbids most C0 controls); it was replaced.</summary>
    public const string CharacterNotRepresentable = "MARC030";

    /// <summary>An element, member or mnemonic the format does not define; strict reading rejects it, lenient skips it.</summary>
    public const string UnknownConstruct = "MARC031";

    /// <summary>A control field that followed a data field; MARCXML (MARC21slim) puts control fields first, so the writer moved it up, keeping the control fields' order.</summary>
    public const string ControlFieldMoved = "MARC032";

    /// <summary>An indicator outside MARC21slim's <c>[0-9a-z ]</c> (<c>#</c>, a capital, a control); the MARCXML writer wrote a blank.</summary>
    public const string IndicatorBlanked = "MARC033";

    /// <summary>A field's directory length or start did not match the field terminators; the field was found by its 0x1E.</summary>
    public const string FieldResynchronized = "MARC019";

    /// <summary>A subfield delimiter 0x1F with no subfield code after it.</summary>
    public const string EmptySubfield = "MARC020";
}
