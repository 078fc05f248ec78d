namespace Marcgate.Marc.Iso2709;

public sealed partial class Iso2709Reader
{
    // Where the record ends: the leader's length if 0x1D is there, else the first 0x1D; -1 when the record was skipped.
    private int Frame(Iso2709ParseContext context)
    {
        var available = _buffer.Count;
        var claimedText = _buffer.Unread[..Math.Min(5, available)];
        var claimed = claimedText.Length == 5 ? Iso2709.ParseDigits(claimedText) : -1;
        var limit = _options.MaxRecordBytes;
        if (claimed >= Leader.Length && claimed <= limit && _buffer.Ensure(claimed) && _buffer.Unread[claimed - 1] == Iso2709.RecordTerminator)
        {
            return claimed;
        }

        var terminator = FindTerminator(limit);
        var shown = Iso2709.Printable(claimedText);
        if (terminator >= 0)
        {
            var actual = terminator + 1;
            if (claimed >= Leader.Length && claimed < actual && LooksLikeLeader(claimed))
            {
                // The next leader starts where this one says: only the record terminator is missing.
                return claimed;
            }

            context.Warn(MarcDiagnosticIds.RecordLengthMismatch, 0, claimed == Iso2709.MaxRecordLength && actual > Iso2709.MaxRecordLength
                ? $"the record is {actual} bytes, more than ISO 2709's 99,999; leader/00-04 ({context.Bytes(0, 4)}) is '99999'"
                : $"leader/00-04 ({context.Bytes(0, 4)}) is '{shown}', but the record terminator ends the record at {actual} bytes");
            return actual;
        }

        available = _buffer.Count;
        if (terminator == -2)
        {
            context.Error(MarcDiagnosticIds.LimitExceeded, 0, $"no record terminator within {limit} bytes (the record size limit); the record is skipped");
            SkipPastTerminator();
            return -1;
        }

        if (claimed >= Leader.Length && claimed <= available)
        {
            return claimed;
        }

        context.Error(MarcDiagnosticIds.UnexpectedEnd, available, $"the input ends {available} bytes into the record at offset {context.RecordOffset}, before its record terminator; leader/00-04 (bytes 0-4) is '{shown}'");
        return available;
    }

    // Offset of the first 0x1D from the record start; -1 at the end of input, -2 past the size limit.
    private int FindTerminator(int limit)
    {
        var searched = 0;
        while (true)
        {
            var found = _buffer.Unread[searched..].IndexOf(Iso2709.RecordTerminator);
            if (found >= 0)
            {
                return searched + found < limit ? searched + found : -2;
            }

            searched = _buffer.Count;
            if (searched >= limit)
            {
                return -2;
            }

            if (!_buffer.Ensure(searched + 1))
            {
                return -1;
            }
        }
    }

    private void SkipPastTerminator()
    {
        while (true)
        {
            var found = _buffer.Unread.IndexOf(Iso2709.RecordTerminator);
            if (found >= 0)
            {
                Consume(found + 1);
                return;
            }

            Consume(_buffer.Count);
            if (!_buffer.Ensure(1))
            {
                return;
            }
        }
    }

    private bool LooksLikeLeader(int at)
    {
        _buffer.Ensure(at + Leader.Length);
        var next = _buffer.Unread.Slice(at, Math.Min(Leader.Length, _buffer.Count - at));
        return next.Length == Leader.Length && Iso2709.ParseDigits(next[..5]) >= Leader.Length && Iso2709.ParseDigits(next.Slice(12, 5)) >= 0;
    }

    // Bytes seen between records in real files (0x1A, white space, NUL, a lone 0x1D) are skipped; null when there were none.
    // Anything else starts a record, so a leader with a non-numeric length is still read (framed by its 0x1D).
    private string? SkipJunk()
    {
        var skipped = 0;
        List<byte>? first = null;
        while (_buffer.Ensure(1))
        {
            var b = _buffer.Unread[0];
            if (b is not (0x1A or 0x00 or Iso2709.RecordTerminator or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                break;
            }

            if ((first ??= []).Count < 16)
            {
                first.Add(b);
            }

            Consume(1);
            skipped++;
        }

        return first is null ? null : Describe(first.ToArray(), skipped);
    }

    private static string Describe(ReadOnlySpan<byte> bytes) => Describe(bytes, bytes.Length);

    private static string Describe(ReadOnlySpan<byte> first, int count)
    {
        var what = first[0] switch
        {
            0x1A => " (0x1A, the DOS end-of-file mark)",
            Iso2709.RecordTerminator => " (a record terminator with no record: an empty record)",
            (byte)'\n' or (byte)'\r' or (byte)' ' => " (white space)",
            _ => string.Empty,
        };
        return $"{count} byte(s) '{Iso2709.Printable(first[..Math.Min(first.Length, 16)], 16)}'{what}";
    }
}
