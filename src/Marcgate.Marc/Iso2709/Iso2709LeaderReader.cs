namespace Marcgate.Marc.Iso2709;

/// <summary>Reads the 24-byte leader and assumes the MARC 21 values where leader/10-11 and 20-22 are wrong.</summary>
internal static class Iso2709LeaderReader
{
    // MARC 21 leader/10 indicator count 2, /11 subfield code length 2, /20-22 entry map 450: the positions
    // that shape the structure (yaz checks the same ones). Leader/23 is undefined in ISO 2709 and left as read.
    private static ReadOnlySpan<byte> Positions => [10, 11, 20, 21, 22];

    private static ReadOnlySpan<byte> Expected => "22450"u8;

    public static Leader Read(ReadOnlySpan<byte> bytes, Iso2709ParseContext context, MarcRecordRecycler? recycler = null)
    {
        var leader = recycler?.Leader(bytes) ?? new Leader(bytes[..Leader.Length]);
        string? found = null;
        for (var i = 0; i < Positions.Length; i++)
        {
            var position = Positions[i];
            if (bytes[position] != Expected[i])
            {
                found = (found is null ? string.Empty : found + ", ") + $"{position:D2} '{Iso2709.Printable(bytes.Slice(position, 1))}'";
                leader[position] = (char)Expected[i];
            }
        }

        if (found is not null)
        {
            context.Warn(MarcDiagnosticIds.LeaderDefaultsAssumed, 10, $"leader {found} not as MARC 21 requires; assumed indicator count 2, subfield code length 2 and entry map 450");
        }

        return leader;
    }
}
