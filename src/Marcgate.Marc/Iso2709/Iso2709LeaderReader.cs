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
        var first = -1;
        for (var i = 0; i < Positions.Length; i++)
        {
            var position = Positions[i];
            if (bytes[position] != Expected[i])
            {
                // The first wrong position carries the record's offset; the rest are in the same record.
                var where = first < 0 ? context.Bytes(position, position) : $"byte {position}";
                found = (found is null ? string.Empty : found + "; ")
                    + $"leader/{position:D2} ({where}) is '{Iso2709.Printable(bytes.Slice(position, 1))}', expected '{(char)Expected[i]}'";
                first = first < 0 ? position : first;
                leader[position] = (char)Expected[i];
            }
        }

        if (found is not null)
        {
            context.Warn(MarcDiagnosticIds.LeaderDefaultsAssumed, first, $"{found}; assumed indicator count 2, subfield code length 2 and entry map 450");
        }

        return leader;
    }
}
