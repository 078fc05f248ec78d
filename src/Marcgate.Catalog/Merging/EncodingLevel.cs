namespace Marcgate.Catalog.Merging;

/// <summary>
/// How full a record is by its encoding level (leader/17), so that a briefer record never overlays a
/// fuller one (gateway §7 step 5).
/// </summary>
/// <remarks>
/// Ranking, fullest first (MARC 21 Bibliographic leader/17 and OCLC's Bibliographic Formats and Standards, "ELvl"):
/// <list type="number">
/// <item>6 full: blank (full), <c>1</c> (full, not examined), <c>I</c> (OCLC full level by a participant), <c>L</c> (full, batch loaded), authority <c>n</c> (complete)</item>
/// <item>5 core: <c>4</c></item>
/// <item>4 less than full: <c>2</c> (not examined), <c>K</c> (OCLC participant), <c>M</c> (batch loaded)</item>
/// <item>3 minimal: <c>7</c></item>
/// <item>2 abbreviated: <c>3</c></item>
/// <item>1 partial or preliminary: <c>5</c>, authority <c>o</c> (incomplete)</item>
/// <item>0 prepublication (CIP): <c>8</c></item>
/// <item>-1 deleted: OCLC <c>J</c>; any record may overlay it, it overlays nothing</item>
/// </list>
/// <c>u</c> (unknown), <c>z</c> (not applicable) and any other value have no rank: the guard cannot
/// compare them and lets the overlay through.
/// </remarks>
public static class EncodingLevel
{
    /// <summary>The rank of an encoding level, higher is fuller; null when the level has no rank.</summary>
    public static int? Rank(char level) => level switch
    {
        ' ' or '1' or 'I' or 'L' or 'n' => 6,
        '4' => 5,
        '2' or 'K' or 'M' => 4,
        '7' => 3,
        '3' => 2,
        '5' or 'o' => 1,
        '8' => 0,
        'J' => -1,
        _ => null,
    };

    /// <summary>True when a record at <paramref name="incoming"/> is briefer than the stored one at <paramref name="existing"/>.</summary>
    public static bool IsBriefer(char incoming, char existing) =>
        Rank(incoming) is { } incomingRank && Rank(existing) is { } existingRank && incomingRank < existingRank;

    /// <summary>How a cataloger reads an encoding level in messages: <c>blank</c> for a space.</summary>
    public static string Describe(char level) => level == ' ' ? "blank" : level.ToString();
}
