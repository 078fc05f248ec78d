using System.Runtime.CompilerServices;
using System.Text;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc;

/// <summary>A data field: tag, two indicators and an ordered list of subfields.</summary>
/// <remarks>
/// A field read through a <see cref="MarcRecordRecycler"/> keeps its subfields as codes and places in the record's
/// bytes until something asks for <see cref="Subfields"/>: bulk validation looks at the codes of every subfield but
/// at the data of few, and turning every value into a string was most of the cost of reading. The indexed members
/// (<see cref="SubfieldCount"/>, <see cref="SubfieldCode"/>, <see cref="SubfieldValue(int)"/> …) answer without decoding
/// the whole field.
/// </remarks>
public sealed partial class DataField : MarcField
{
    private readonly List<Subfield> _subfields;

    /// <summary>Creates a data field.</summary>
    public DataField(string tag, char indicator1, char indicator2, IEnumerable<Subfield>? subfields = null)
        : base(tag)
    {
        Indicator1 = indicator1;
        Indicator2 = indicator2;
        _subfields = subfields is null ? [] : [.. subfields];
    }

    // The reader's path: subfields are added one by one after construction.
    internal DataField(string tag, char indicator1, char indicator2, int subfieldCapacity)
        : base(tag)
    {
        Indicator1 = indicator1;
        Indicator2 = indicator2;
        _subfields = new List<Subfield>(subfieldCapacity);
    }

    /// <summary>First indicator (blank is a space).</summary>
    public char Indicator1 { get; set; }

    /// <summary>Second indicator (blank is a space).</summary>
    public char Indicator2 { get; set; }

    /// <summary>The subfields in the order they were read or added.</summary>
    public List<Subfield> Subfields
    {
        get
        {
            if (_pending)
            {
                Materialize();
            }

            return _subfields;
        }
    }

    /// <summary>The number of subfields.</summary>
    public int SubfieldCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _pending ? _pendingCount : _subfields.Count;
    }

    /// <inheritdoc />
    public override bool IsControlField => false;

    /// <summary>The value of the first subfield with this code, or null.</summary>
    public string? this[char code] => IndexOfSubfield(code) is var at and >= 0 ? SubfieldValue(at) : null;

    /// <summary>The code of the subfield at this index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public char SubfieldCode(int index) => _pending ? PendingCode(index) : _subfields[index].Code;

    /// <summary>The data of the subfield at this index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string SubfieldValue(int index) => _pending ? PendingValue(index) : _subfields[index].Value;

    /// <summary>
    /// The data of the subfield at this index as characters, without a new string when it can be done: a field not yet
    /// decoded (read through a <see cref="MarcRecordRecycler"/>) decodes it into <paramref name="buffer"/> when it fits.
    /// </summary>
    /// <remarks>The span may be <paramref name="buffer"/>: read it before the buffer is used again.</remarks>
    public ReadOnlySpan<char> SubfieldValue(int index, Span<char> buffer)
    {
        if (!_pending)
        {
            return _subfields[index].Value;
        }

        var bytes = PendingBytes(index);
        return bytes.Length <= buffer.Length
            ? buffer[..Iso2709Text.DecodeValid(bytes, _unicode, buffer)]
            : PendingValue(index);
    }

    /// <summary>True when the subfield at this index has no data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsSubfieldEmpty(int index) => _pending ? PendingLength(index) == 0 : _subfields[index].Value.Length == 0;

    /// <summary>True when the data of the subfield at this index holds a C0 control character (U+0000-U+001F, MARC-8's ESC included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool SubfieldHasControlCharacter(int index) =>
        _pending ? PendingHasControlCharacter(index) : _subfields[index].Value.AsSpan().ContainsAnyInRange('\0', '\u001f');

    /// <summary>True when the data of some subfield holds a C0 control character (see <see cref="SubfieldHasControlCharacter"/>).</summary>
    public bool AnySubfieldHasControlCharacter()
    {
        // A field not yet decoded was scanned for control bytes as it was read. A hit may be a subfield code (malformed,
        // so rare) and is then looked at subfield by subfield.
        if (_pending && !_pendingControls)
        {
            return false;
        }

        var count = SubfieldCount;
        for (var i = 0; i < count; i++)
        {
            if (SubfieldHasControlCharacter(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first subfield with this code at or after <paramref name="from"/>, or -1.</summary>
    public int IndexOfSubfield(char code, int from = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);

        // A loop rather than a vector search: most fields have two or three subfields.
        if (_pending)
        {
            var codes = _pendingCodes.AsSpan(0, _pendingCount);
            for (var i = from; i < codes.Length; i++)
            {
                if (codes[i] == code)
                {
                    return i;
                }
            }

            return -1;
        }

        var count = SubfieldCount;
        for (var i = from; i < count; i++)
        {
            if (SubfieldCode(i) == code)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The values of every subfield with this code, in order.</summary>
    public IEnumerable<string> ValuesOf(char code)
    {
        for (var at = IndexOfSubfield(code); at >= 0; at = IndexOfSubfield(code, at + 1))
        {
            yield return SubfieldValue(at);
        }
    }

    /// <inheritdoc />
    public override MarcField Clone() => new DataField(Tag, Indicator1, Indicator2, Subfields);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append(Tag).Append(' ').Append(Indicator1).Append(Indicator2).Append(' ');
        foreach (var subfield in Subfields)
        {
            text.Append('$').Append(subfield.Code).Append(subfield.Value);
        }

        return text.ToString();
    }
}
