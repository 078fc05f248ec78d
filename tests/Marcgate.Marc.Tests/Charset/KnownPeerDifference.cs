namespace Marcgate.Marc.Tests.Charset;

/// <summary>How a value on which a peer is known to be wrong is checked instead.</summary>
internal enum PeerCheck
{
    /// <summary>Our value equals the other peer's.</summary>
    OtherPeerAgrees,

    /// <summary>Our value with its U+FFFD and C0 controls removed equals yaz's, which drops both silently.</summary>
    YazAgreesWithoutDroppedCharacters,
}

/// <summary>A value on which a peer is known to differ from MARC-8 as the LoC tables define it.</summary>
/// <param name="File">Corpus file.</param>
/// <param name="Peer"><c>yaz</c> or <c>MARC::Charset</c>.</param>
/// <param name="Value">The start of our value's key: record number, tag and subfield code (<c>874 505 $a</c>).</param>
/// <param name="Contains">Text our value contains, to pin the exact subfield.</param>
/// <param name="Check">What is asserted instead of equality with this peer.</param>
/// <param name="Reason">Why the peer is wrong.</param>
internal sealed record KnownPeerDifference(string File, string Peer, string Value, string Contains, PeerCheck Check, string Reason)
{
    public const string Yaz = "yaz";
    public const string MarcCharset = "MARC::Charset";

    private const string MarkBeforeSpace =
        "MARC-8 puts a combining mark before the character it modifies, here a space (E1 20); MARC::Charset skips the space and puts the grave on the next letter, yaz and we keep it on the space";

    private const string UndefinedAnsel =
        "bytes FD FD are defined in no MARC-8 set; we write U+FFFD with a Marc8Invalid diagnostic, yaz drops them silently, MARC::Charset returns an empty value";

    public static readonly KnownPeerDifference[] All =
    [
        new("valid/jazz_1k.mrc", MarcCharset, "874 505 $a", "Relaxin", PeerCheck.OtherPeerAgrees, MarkBeforeSpace),
        new("valid/jazz_1k.mrc", MarcCharset, "877 505 $a", "Will o", PeerCheck.OtherPeerAgrees, MarkBeforeSpace),
        new("yaz-golden/marc12.marc", MarcCharset, "1 880 $a", "这是一本", PeerCheck.YazAgreesWithoutDroppedCharacters, UndefinedAnsel),
        new("yaz-golden/marc12.marc", MarcCharset, "1 880 $a", "本书荣获", PeerCheck.YazAgreesWithoutDroppedCharacters, UndefinedAnsel),
        new("yaz-golden/marc12.marc", Yaz, "1 880 $a", "本书荣获", PeerCheck.YazAgreesWithoutDroppedCharacters, UndefinedAnsel),
        new("yaz-golden/marc12.marc", Yaz, "1 880 $a", "这是一本", PeerCheck.YazAgreesWithoutDroppedCharacters,
            "0C (form feed) and FD bytes sit between the EACC runs; yaz drops C0 controls and undefined bytes, we keep the control, as MARC::Charset does"),
        new("yaz-golden/marc12.marc", Yaz, "1 880 $ ", "绘本作家", PeerCheck.YazAgreesWithoutDroppedCharacters,
            "0C (form feed) bytes sit between the EACC runs; yaz drops C0 controls, we keep them, as MARC::Charset does"),
        new("yaz-golden/marc12.marc", Yaz, "1 880 $\u001B", "$1'EU", PeerCheck.OtherPeerAgrees,
            "the 520 text holds 1F 1B: ISO 2709 readers (ours, MARC::Record) take ESC as a subfield code, yaz 5.34.0 splits the subfield elsewhere; a record-structure difference, not a character one"),
    ];
}
