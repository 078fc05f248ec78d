using System.Runtime.CompilerServices;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc;

/// <summary>
/// A data field's subfields read by index: codes, emptiness and control characters answer from a field not yet decoded
/// (one read through a <see cref="MarcRecordRecycler"/>) without decoding it, and values are decoded one at a time.
/// </summary>
/// <remarks>The read-only view bulk validation reads fields through; what it answers is what <see cref="DataField.Subfields"/> holds.</remarks>
internal readonly struct IndexedSubfields
{
    private readonly DataField _field;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public IndexedSubfields(DataField field) => _field = field;

    /// <summary>The number of subfields.</summary>
    public int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _field.IsPending ? _field.PendingCount : _field.Decoded.Count;
    }

    /// <summary>The code of the subfield at this index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public char Code(int index) => _field.IsPending ? _field.PendingCode(index) : _field.Decoded[index].Code;

    /// <summary>The data of the subfield at this index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string Value(int index) => _field.IsPending ? _field.PendingValue(index) : _field.Decoded[index].Value;

    /// <summary>
    /// The data of the subfield at this index as characters, decoded into <paramref name="buffer"/> when the field is not
    /// yet decoded and the data fits, so that no string is made.
    /// </summary>
    /// <remarks>The span may be <paramref name="buffer"/>: read it before the buffer is used again.</remarks>
    public ReadOnlySpan<char> Value(int index, Span<char> buffer)
    {
        if (!_field.IsPending)
        {
            return _field.Decoded[index].Value;
        }

        var bytes = _field.PendingBytes(index);
        return bytes.Length <= buffer.Length
            ? buffer[..Iso2709Text.DecodeValid(bytes, _field.PendingUnicode, buffer)]
            : _field.PendingValue(index);
    }

    /// <summary>True when the subfield at this index has no data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEmpty(int index) => _field.IsPending ? _field.PendingLength(index) == 0 : _field.Decoded[index].Value.Length == 0;

    /// <summary>True when the data of the subfield at this index holds a C0 control character (U+0000-U+001F, MARC-8's ESC included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasControlCharacter(int index) =>
        _field.IsPending ? _field.PendingHasControlCharacter(index) : _field.Decoded[index].Value.AsSpan().ContainsAnyInRange('\0', '\u001f');

    /// <summary>True when some subfield holds anything but printable ASCII: a C0 control (MARC-8's ESC) or a byte above 0x7E.</summary>
    public bool AnyOutsidePrintableAscii()
    {
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            var outside = _field.IsPending
                ? _field.PendingBytes(i).ContainsAnyExceptInRange((byte)0x20, (byte)0x7E)
                : _field.Decoded[i].Value.AsSpan().ContainsAnyExceptInRange(' ', '~');
            if (outside)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the data of some subfield holds a C0 control character (see <see cref="HasControlCharacter"/>).</summary>
    public bool AnyHasControlCharacter()
    {
        // A field not yet decoded was scanned for control bytes as it was read. A hit may be a subfield code (malformed,
        // so rare) and is then looked at subfield by subfield.
        if (_field.IsPending && !_field.PendingControls)
        {
            return false;
        }

        var count = Count;
        for (var i = 0; i < count; i++)
        {
            if (HasControlCharacter(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first subfield with this code at or after <paramref name="from"/>, or -1.</summary>
    public int IndexOf(char code, int from = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);

        // A loop rather than a vector search: most fields have two or three subfields.
        if (_field.IsPending)
        {
            var codes = _field.PendingCodes;
            for (var i = from; i < codes.Length; i++)
            {
                if (codes[i] == code)
                {
                    return i;
                }
            }

            return -1;
        }

        var subfields = _field.Decoded;
        for (var i = from; i < subfields.Count; i++)
        {
            if (subfields[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }
}
