namespace Marcgate.Marc.Charset;

/// <summary>
/// Unicode to MARC-8 candidates, built once from the generated tables. The mapping is not 1:1 (263
/// code points have several MARC-8 codes), so each code point keeps every candidate in set order:
/// ASCII, ANSEL, then the other sets, EACC last, with the tables' alternative mappings after them.
/// </summary>
internal static class Marc8ReverseTable
{
    private static readonly Dictionary<int, Marc8Code[]> s_candidates = Build();

    /// <summary>Every MARC-8 code for a code point, preferred first; empty when MARC-8 lacks it.</summary>
    public static ReadOnlySpan<Marc8Code> Find(int codePoint) =>
        s_candidates.TryGetValue(codePoint, out var codes) ? codes : [];

    private static Dictionary<int, Marc8Code[]> Build()
    {
        var lists = new Dictionary<int, List<Marc8Code>>();
        var table = Marc8Tables.SingleByte;
        for (var index = 0; index < table.Length; index++)
        {
            var entry = table[index];
            if (entry != 0 && (entry & Marc8Tables.SecondHalfFlag) == 0)
            {
                Add(lists, entry & Marc8Tables.CodePointMask, new Marc8Code(index / 128, index % 128, entry));
            }
        }

        for (var i = 0; i < Marc8Tables.EaccCodes.Length; i++)
        {
            Add(lists, Marc8Tables.EaccCodePoints[i], new Marc8Code(Marc8Sets.Eacc, Marc8Tables.EaccCodes[i], 0));
        }

        for (var i = 0; i < Marc8Tables.AlternateKeys.Length; i++)
        {
            // ANSEL EB/EC, FA/FB: U+FE20-FE23 are the half marks that map onto the two halves.
            var key = Marc8Tables.AlternateKeys[i];
            Add(lists, Marc8Tables.AlternateCodePoints[i], new Marc8Code(key / 128, key % 128, table[key]));
        }

        return lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    private static void Add(Dictionary<int, List<Marc8Code>> lists, int codePoint, Marc8Code code)
    {
        if (!lists.TryGetValue(codePoint, out var list))
        {
            lists[codePoint] = list = [];
        }

        list.Add(code);
    }
}
