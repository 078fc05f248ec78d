namespace Marcgate.Marc.Iso2709;

/// <summary>Locates fields when the directory and the data disagree; every recovery is reported.</summary>
/// <remarks>
/// In order: entries that fit exactly; a field that follows its predecessor but lost its 0x1E;
/// a constant drift (directory lengths that count characters instead of bytes shift every later start);
/// the nearest unclaimed field boundary up to the next 0x1E (yaz re-synchronises on the separator too);
/// finally, for invalid or out-of-range entries, the unclaimed field right after the previous one.
/// </remarks>
internal ref struct Iso2709FieldRecovery
{
    private readonly ReadOnlySpan<byte> _directory;
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _dataStart;
    private readonly int _entriesStart;
    private readonly Iso2709ParseContext _context;
    private readonly HashSet<int> _claimed = [];
    private List<int>? _boundaries;

    public Iso2709FieldRecovery(ReadOnlySpan<byte> directory, ReadOnlySpan<byte> data, int entriesStart, int dataStart, Iso2709ParseContext context)
    {
        _entriesStart = entriesStart;
        _directory = directory;
        _data = data;
        _dataStart = dataStart;
        _context = context;
    }

    public int Locate(Span<Iso2709FieldSpan> spans)
    {
        var count = spans.Length;
        var lengths = new int[count];
        var starts = new int[count];
        var located = new Iso2709FieldSpan?[count];
        var claimedStarts = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var entry = Entry(i);
            lengths[i] = Iso2709.ParseDigits(entry.Slice(3, 4));
            starts[i] = Iso2709.ParseDigits(entry.Slice(7, 5));
            if (lengths[i] >= 0 && starts[i] >= 0)
            {
                claimedStarts.TryAdd(starts[i], lengths[i]);
                if (Iso2709FieldLocator.IsExact(_data, starts[i], lengths[i]) && _claimed.Add(starts[i]))
                {
                    located[i] = new Iso2709FieldSpan(i, starts[i], lengths[i] - 1);
                }
            }
        }

        var previousEnd = 0;
        var drift = 0;
        for (var i = 0; i < count; i++)
        {
            if (located[i] is null)
            {
                located[i] = lengths[i] < 0 || starts[i] < 0
                    ? Invalid(i, previousEnd)
                    : Resolve(i, starts[i], lengths[i], previousEnd, drift, claimedStarts);
                drift = located[i] is { } found && starts[i] >= 0 && lengths[i] >= 0 ? found.Start + found.Length + 1 - (starts[i] + lengths[i]) : 0;
            }
            else
            {
                drift = 0;
            }

            if (located[i] is { } span)
            {
                previousEnd = span.Start + span.Length + (span.Start + span.Length < _data.Length && _data[span.Start + span.Length] == Iso2709.FieldTerminator ? 1 : 0);
            }
        }

        var written = 0;
        foreach (var span in located)
        {
            if (span is { } value)
            {
                spans[written++] = value;
            }
        }

        return written;
    }

    private ReadOnlySpan<byte> Entry(int index) => _directory.Slice(index * Iso2709.DirectoryEntryLength, Iso2709.DirectoryEntryLength);

    private long EntryOffset(int index) => _entriesStart + (index * Iso2709.DirectoryEntryLength);

    private string Tag(int index) => Iso2709.Printable(Entry(index)[..3]);

    // "directory entry 3 (bytes 48-59 of the record at offset 0)": where a message about an entry points.
    private string EntryWhere(int index) =>
        $"directory entry {index + 1} ({_context.Bytes(EntryOffset(index), EntryOffset(index) + Iso2709.DirectoryEntryLength - 1)})";

    private Iso2709FieldSpan? Resolve(int index, int start, int length, int previousEnd, int drift, Dictionary<int, int> claimedStarts)
    {
        // Right after the previous field (its terminator may be missing), or that position modulo 100,000.
        var sequential = previousEnd % Iso2709.StartModulus == start % Iso2709.StartModulus ? previousEnd : start;
        if ((sequential == previousEnd || Iso2709FieldLocator.IsFieldStart(_data, sequential)) && EndsAt(sequential, length) && _claimed.Add(sequential))
        {
            return new Iso2709FieldSpan(index, sequential, length - 1);
        }

        if (TerminatorMissing(start, length, previousEnd, claimedStarts) && _claimed.Add(start))
        {
            _context.Warn(MarcDiagnosticIds.FieldTerminatorMissing, _dataStart + start + length, $"field {Tag(index)} does not end with the field terminator 0x1E; its {length} bytes were taken as the field");
            return new Iso2709FieldSpan(index, start, length);
        }

        if (drift != 0 && Iso2709FieldLocator.IsExact(_data, start + drift, length) && _claimed.Add(start + drift))
        {
            _context.Warn(MarcDiagnosticIds.FieldResynchronized, EntryOffset(index), $"{EntryWhere(index)} says field {Tag(index)} starts at data byte {start}, but it starts at {start + drift} (earlier lengths count characters, not bytes?)");
            return new Iso2709FieldSpan(index, start + drift, length - 1);
        }

        if (start < _data.Length && NearestBoundary(start + drift, Math.Max(length, 16)) is { } boundary)
        {
            var end = _data[boundary..].IndexOf(Iso2709.FieldTerminator);
            var found = end < 0 ? _data.Length - boundary : end;
            _claimed.Add(boundary);
            _context.Warn(MarcDiagnosticIds.FieldResynchronized, EntryOffset(index), $"{EntryWhere(index)} says field {Tag(index)} is {length} bytes at data byte {start}; re-synchronised on the field terminator: {found + 1} bytes at {boundary}");
            return new Iso2709FieldSpan(index, boundary, found);
        }

        return ByPosition(index, previousEnd, MarcDiagnosticIds.FieldOutOfBounds, $"{EntryWhere(index)} says field {Tag(index)} is {length} bytes at data byte {start}, which does not lie on a field in the data ({_data.Length} bytes)");
    }

    private Iso2709FieldSpan? Invalid(int index, int previousEnd) =>
        ByPosition(index, previousEnd, MarcDiagnosticIds.DirectoryEntryInvalid, $"{EntryWhere(index)} for tag '{Tag(index)}' has non-digits in its length or start: '{Iso2709.Printable(Entry(index)[3..])}'");

    // The entry is unusable; the unclaimed field right after the previous one is the best guess, and says so.
    private Iso2709FieldSpan? ByPosition(int index, int previousEnd, string id, string problem)
    {
        if (Iso2709FieldLocator.IsFieldStart(_data, previousEnd) && !_claimed.Contains(previousEnd))
        {
            var end = _data[previousEnd..].IndexOf(Iso2709.FieldTerminator);
            var length = end < 0 ? _data.Length - previousEnd : end;
            _claimed.Add(previousEnd);
            _context.Error(id, EntryOffset(index), $"{problem}; the unclaimed field at data byte {previousEnd} ({length} bytes) was taken by position");
            return new Iso2709FieldSpan(index, previousEnd, length);
        }

        _context.Error(id, EntryOffset(index), $"{problem}; the field is dropped");
        return null;
    }

    private readonly bool EndsAt(int start, int length) =>
        length >= 1 && start >= 0 && (long)start + length <= _data.Length && _data[start + length - 1] == Iso2709.FieldTerminator
        && _data.Slice(start, length - 1).IndexOf(Iso2709.FieldTerminator) < 0;

    private readonly bool TerminatorMissing(int start, int length, int previousEnd, Dictionary<int, int> claimedStarts)
    {
        if (length < 1 || (long)start + length > _data.Length || (start != previousEnd && !Iso2709FieldLocator.IsFieldStart(_data, start))
            || _data.Slice(start, length).IndexOf(Iso2709.FieldTerminator) >= 0)
        {
            return false;
        }

        // Only when what follows is exactly the next field the directory names, or the end of the data.
        var next = start + length;
        return next == _data.Length
            || (claimedStarts.TryGetValue(next, out var nextLength) && nextLength >= 1 && (long)next + nextLength <= _data.Length && _data[next + nextLength - 1] == Iso2709.FieldTerminator);
    }

    private int? NearestBoundary(int target, int reach)
    {
        _boundaries ??= Boundaries(_data);
        var at = _boundaries.BinarySearch(target);
        if (at < 0)
        {
            at = ~at;
        }

        int? best = null;
        // At most 64 candidates per entry, so a directory of garbage costs O(entries), not O(entries²).
        for (int left = at - 1, right = at, tries = 0; (left >= 0 || right < _boundaries.Count) && tries < 64; tries++)
        {
            var leftDistance = left >= 0 ? target - _boundaries[left] : int.MaxValue;
            var rightDistance = right < _boundaries.Count ? _boundaries[right] - target : int.MaxValue;
            var candidate = leftDistance <= rightDistance ? _boundaries[left--] : _boundaries[right++];
            if (Math.Abs(candidate - target) > reach)
            {
                break;
            }

            if (!_claimed.Contains(candidate))
            {
                best = candidate;
                break;
            }
        }

        return best;
    }

    private static List<int> Boundaries(ReadOnlySpan<byte> data)
    {
        var boundaries = new List<int> { 0 };
        for (var at = data.IndexOf(Iso2709.FieldTerminator); at >= 0 && at + 1 < data.Length;)
        {
            boundaries.Add(at + 1);
            var next = data[(at + 1)..].IndexOf(Iso2709.FieldTerminator);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return boundaries;
    }
}
