namespace Marcgate.Marc.Tests.Peers;

/// <summary>What is asserted, instead of equality, where a peer is known to read differently.</summary>
internal enum ReadingCheck
{
    /// <summary>Both lines equal once combining marks are removed (the marks themselves sit on different letters).</summary>
    EqualWithoutCombiningMarks,

    /// <summary>The peer line equals once each <c>&amp;name;</c> it made of a mnemonic it does not know is the MARC-8 byte our table gives that name.</summary>
    UnknownMnemonicsAsTheirBytes,

    /// <summary>MARC::Record cannot read the source record; the peer's reading is compared with MARC::Record's reading of our ISO 2709 output instead.</summary>
    SourceUnreadable,
}

/// <summary>A record on which a peer is known to read our output, or MARC::Record the source, differently, and why.</summary>
/// <param name="File">Corpus file under <c>testdata/marc/valid</c>.</param>
/// <param name="Peer"><see cref="MarcMaker"/> or <see cref="MiJ"/>.</param>
/// <param name="Record">One-based record number.</param>
/// <param name="Tag">The field whose lines may differ (<c>LDR</c> for a whole record).</param>
/// <param name="Check">What is asserted instead.</param>
/// <param name="Reason">Why the readings differ.</param>
internal sealed record KnownReadingDifference(string File, string Peer, int Record, string Tag, ReadingCheck Check, string Reason)
{
    public const string MarcMaker = "MARC::File::MARCMaker";
    public const string MiJ = "MARC::File::MiJ";

    private const string MarkBeforeSpace =
        "MARC-8 puts a combining mark before the character it modifies, here a space (E1 20); MARC::Charset, which converts the "
        + "source for the comparison, skips the space and puts the grave on the next letter; yaz and we keep it on the space";

    private const string NoEszettOrEuro =
        "MARC::File::MARCMaker 0.05 (2005) predates the MARC-8 eszett (C7) and euro (C8) and their LoC mnemonics {eszett} and "
        + "{euro}; it reads an unknown mnemonic as &name;";

    private const string InvalidUtf8 =
        "record 7 holds F8 BF BF BF B9 under leader/09 'a', not UTF-8: MARC::Record's reader dies on it, we read U+FFFD (MARC012) and write that";

    public static readonly KnownReadingDifference[] All =
    [
        new("jazz_1k.mrc", MiJ, 874, "505", ReadingCheck.EqualWithoutCombiningMarks, MarkBeforeSpace),
        new("jazz_1k.mrc", MiJ, 877, "505", ReadingCheck.EqualWithoutCombiningMarks, MarkBeforeSpace),
        new("diacritic4.mrc", MarcMaker, 1, "500", ReadingCheck.UnknownMnemonicsAsTheirBytes, NoEszettOrEuro),
        new("sample1.mrc", MarcMaker, 7, "LDR", ReadingCheck.SourceUnreadable, InvalidUtf8),
        new("sample1.mrc", MiJ, 7, "LDR", ReadingCheck.SourceUnreadable, InvalidUtf8),
    ];
}
