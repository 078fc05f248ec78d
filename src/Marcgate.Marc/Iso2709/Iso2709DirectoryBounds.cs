namespace Marcgate.Marc.Iso2709;

/// <summary>Finds where the directory ends and the data begins, trusting leader/12-16 only when the bytes agree.</summary>
internal static class Iso2709DirectoryBounds
{
    /// <summary>The offset of the directory terminator, or -1 when there is none.</summary>
    public static int Find(ReadOnlySpan<byte> content, Leader leader, Iso2709ParseContext context)
    {
        const int First = Leader.Length;
        var claimedBase = leader.BaseAddressOfData;
        if (claimedBase > First && claimedBase <= content.Length && content[claimedBase - 1] == Iso2709.FieldTerminator)
        {
            return claimedBase - 1;
        }

        // Walk the entries like yaz does: the directory ends at an entry that begins with a terminator.
        for (var at = First; at < content.Length; at += Iso2709.DirectoryEntryLength)
        {
            var b = content[at];
            if (b is Iso2709.FieldTerminator or Iso2709.SubfieldDelimiter or Iso2709.RecordTerminator)
            {
                if (b != Iso2709.FieldTerminator)
                {
                    context.Warn(MarcDiagnosticIds.DirectoryMalformed, at, $"the directory ends with 0x{b:X2} ({context.Bytes(at, at)}) instead of the field terminator 0x1E");
                }

                ReportBase(claimedBase, at, leader, context);
                return at;
            }

            var entry = content.Slice(at, Math.Min(Iso2709.DirectoryEntryLength, content.Length - at));
            var inside = entry.IndexOf(Iso2709.FieldTerminator);
            if (inside > 0)
            {
                ReportBase(claimedBase, at + inside, leader, context);
                return at + inside;
            }
        }

        context.Error(MarcDiagnosticIds.DirectoryMalformed, First, "the directory has no terminator 0x1E; no field can be located");
        return -1;
    }

    /// <summary>Where the entries begin: 24, or 23/25 when the directory is one byte short/long and that alignment fits the data better.</summary>
    public static int EntriesStart(ReadOnlySpan<byte> content, int directoryEnd, Iso2709ParseContext context)
    {
        const int First = Leader.Length;
        var partial = (directoryEnd - First) % Iso2709.DirectoryEntryLength;
        if (partial == 0)
        {
            return First;
        }

        var data = content[(directoryEnd + 1)..];
        var shifted = partial == 11 ? First - 1 : partial == 1 ? First + 1 : First;
        if (shifted != First && FittingEntries(content[shifted..directoryEnd], data) > FittingEntries(content[First..directoryEnd], data))
        {
            context.Warn(MarcDiagnosticIds.DirectoryMalformed, First, shifted < First
                ? $"the directory is {directoryEnd - First} bytes, one short of whole 12-byte entries, and its entries fit the data only when read from byte 23 (its first byte is missing; leader/23 stands in for it)"
                : $"the directory is {directoryEnd - First} bytes, one more than whole 12-byte entries, and its entries fit the data only when read from byte 25; byte 24 '{Iso2709.Printable(content.Slice(First, 1))}' is ignored");
            return shifted;
        }

        context.Warn(MarcDiagnosticIds.DirectoryMalformed, directoryEnd - partial, $"the directory is {directoryEnd - First} bytes, not a multiple of 12; the last {partial} byte(s) '{Iso2709.Printable(content.Slice(directoryEnd - partial, partial))}' ({context.Bytes(directoryEnd - partial, directoryEnd - 1)}) are ignored");
        return First;
    }

    private static int FittingEntries(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> data)
    {
        var fitting = 0;
        for (var at = 0; at + Iso2709.DirectoryEntryLength <= directory.Length; at += Iso2709.DirectoryEntryLength)
        {
            var length = Iso2709.ParseDigits(directory.Slice(at + 3, 4));
            var start = Iso2709.ParseDigits(directory.Slice(at + 7, 5));
            if (length >= 0 && start >= 0 && Iso2709FieldLocator.IsExact(data, start, length))
            {
                fitting++;
            }
        }

        return fitting;
    }

    private static void ReportBase(int claimedBase, int directoryEnd, Leader leader, Iso2709ParseContext context)
    {
        if (claimedBase != directoryEnd + 1)
        {
            context.Warn(MarcDiagnosticIds.BaseAddressInvalid, 12, $"leader/12-16 ({context.Bytes(12, 16)}) is '{leader.ToString()[12..17]}', but the directory ends at byte {directoryEnd}; using {directoryEnd + 1}");
        }
    }
}
