namespace Marcgate.Cli.Bench;

/// <summary>The kinds of request a soak run mixes, each with the reply the host owes it.</summary>
internal enum SoakKind
{
    /// <summary>A record with an OCLC number not sent before: <c>action=added</c>.</summary>
    New,

    /// <summary>The exact bytes of a stored record sent again: <c>action=unchanged</c> (gateway §7 step 7).</summary>
    Unchanged,

    /// <summary>A changed record with a stored record's OCLC number: <c>action=overlaid</c>, a new version (§7 step 6).</summary>
    Overlay,

    /// <summary>Bytes that are not ISO 2709: <c>code=bad-record</c> (§3.3).</summary>
    BadRecord,

    /// <summary>A wrong password from another loopback address: <c>code=logon-failed</c>, or <c>code=locked-out</c> once the lockout engages (§7 step 1).</summary>
    BadLogon,
}
