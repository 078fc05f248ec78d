using System.Runtime.CompilerServices;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc;

// A field read through a MarcRecordRecycler keeps its subfields as codes and places in the record's bytes until
// something asks for Subfields: bulk validation looks at the codes of every subfield but at the data of few, and turning
// every value into a string was most of the cost of reading (bench/results/validation-marclint.md). The rules
// read such a field through IndexedSubfields, which answers without decoding the whole field.
public sealed partial class DataField
{
    private ReadOnlyMemory<byte> _source;
    private char[] _pendingCodes = [];

    // Start and length of each subfield's data in _source, two ints per subfield.
    private int[] _pendingBounds = [];
    private int _pendingCount;

    // False when no subfield code or data byte is a C0 control (below 0x20 other than the delimiters themselves).
    private bool _pendingControls = true;
    private bool _unicode;
    private volatile bool _pending;

    /// <summary>The subfields read by index, without decoding a field not yet decoded.</summary>
    internal IndexedSubfields Indexed
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(this);
    }

    /// <summary>True while the subfields are codes and byte ranges, not yet decoded.</summary>
    internal bool IsPending
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _pending;
    }

    /// <summary>The decoded subfields, as they stand (empty while the field is pending).</summary>
    internal List<Subfield> Decoded => _subfields;

    internal int PendingCount => _pendingCount;

    /// <summary>False when no subfield code or data byte is a C0 control other than the delimiters.</summary>
    internal bool PendingControls => _pendingControls;

    internal ReadOnlySpan<char> PendingCodes => _pendingCodes.AsSpan(0, _pendingCount);

    internal bool PendingUnicode => _unicode;

    /// <summary>
    /// Empties the field and takes its subfields from <paramref name="source"/> as they are added by <see cref="AddPending"/>:
    /// valid UTF-8 when <paramref name="unicode"/>, else one character per byte.
    /// </summary>
    internal void BeginPending(ReadOnlyMemory<byte> source, bool unicode)
    {
        _subfields.Clear();
        _source = source;
        _unicode = unicode;
        _pendingCount = 0;
        _pendingControls = true;
        _pending = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddPending(char code, int start, int length)
    {
        if (_pendingCount == _pendingCodes.Length)
        {
            GrowPending();
        }

        _pendingCodes[_pendingCount] = code;
        _pendingBounds[2 * _pendingCount] = start;
        _pendingBounds[(2 * _pendingCount) + 1] = length;
        _pendingCount++;
    }

    // A recycled field keeps its arrays, so they grow to the largest field it held and then stay.
    private void GrowPending()
    {
        Array.Resize(ref _pendingCodes, Math.Max(_pendingCount * 2, 8));
        Array.Resize(ref _pendingBounds, _pendingCodes.Length * 2);
    }

    /// <summary>Drops subfields not yet decoded (the recycler refills the field).</summary>
    internal void ClearSubfields()
    {
        _pending = false;
        _source = default;
        _subfields.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal char PendingCode(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_pendingCount, nameof(index));
        return _pendingCodes[index];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int PendingLength(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_pendingCount, nameof(index));
        return _pendingBounds[(2 * index) + 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> PendingBytes(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_pendingCount, nameof(index));
        return _source.Span.Slice(_pendingBounds[2 * index], _pendingBounds[(2 * index) + 1]);
    }

    // UTF-8 bytes below 0x80 are the characters themselves, so the bytes answer for the decoded text.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool PendingHasControlCharacter(int index) => PendingBytes(index).ContainsAnyInRange((byte)0, (byte)0x1F);

    /// <summary>Notes, once the subfields are added, whether a C0 control character was seen in their data or codes.</summary>
    internal void EndPending(bool controls) => _pendingControls = controls;

    internal string PendingValue(int index) => Iso2709Text.DecodeValid(PendingBytes(index), _unicode);

    private void Materialize()
    {
        // Reading a record from several threads is safe with eager fields, so it stays safe here: one thread decodes.
        lock (_subfields)
        {
            if (!_pending)
            {
                return;
            }

            _subfields.Clear();
            _subfields.EnsureCapacity(_pendingCount);
            for (var i = 0; i < _pendingCount; i++)
            {
                _subfields.Add(new Subfield(_pendingCodes[i], PendingValue(i)));
            }

            // The bytes stay referenced: a thread that saw the field pending a moment ago may still read them.
            _pending = false;
        }
    }
}
