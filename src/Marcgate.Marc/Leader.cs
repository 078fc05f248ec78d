namespace Marcgate.Marc;

/// <summary>The 24-character MARC 21 leader; positions are zero-based as in the MARC 21 documentation.</summary>
public sealed class Leader
{
    /// <summary>The leader's fixed length.</summary>
    public const int Length = 24;

    private readonly char[] _chars;

    /// <summary>Creates a leader from exactly 24 characters.</summary>
    /// <exception cref="ArgumentException">The text is not 24 characters long.</exception>
    public Leader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != Length)
        {
            throw new ArgumentException($"A leader has 24 characters, not {text.Length}.", nameof(text));
        }

        _chars = text.ToCharArray();
    }

    // The reader's path: 24 bytes, one char per byte, no intermediate string.
    internal Leader(ReadOnlySpan<byte> bytes)
    {
        _chars = new char[Length];
        Read(bytes);
    }

    /// <summary>Takes the first 24 bytes as the leader's characters (a recycled record's leader is read again in place).</summary>
    internal void Read(ReadOnlySpan<byte> bytes) => System.Text.Encoding.Latin1.GetChars(bytes[..Length], _chars);

    /// <summary>A leader for a new, empty bibliographic record in UTF-8.</summary>
    public static Leader CreateDefault() => new("00000nam a2200000 a 4500");

    /// <summary>One position of the leader.</summary>
    public char this[int position]
    {
        get => _chars[position];
        set => _chars[position] = value;
    }

    /// <summary>Leader/05: record status.</summary>
    public char RecordStatus { get => _chars[5]; set => _chars[5] = value; }

    /// <summary>Leader/06: type of record (a, c, d, … z for authority, u/v/x/y for holdings).</summary>
    public char TypeOfRecord { get => _chars[6]; set => _chars[6] = value; }

    /// <summary>Leader/07: bibliographic level.</summary>
    public char BibliographicLevel { get => _chars[7]; set => _chars[7] = value; }

    /// <summary>Leader/09: character coding scheme: blank for MARC-8, <c>a</c> for UCS/Unicode.</summary>
    public char CharacterCodingScheme { get => _chars[9]; set => _chars[9] = value; }

    /// <summary>Leader/17: encoding level.</summary>
    public char EncodingLevel { get => _chars[17]; set => _chars[17] = value; }

    /// <summary>True when leader/09 says the record is in Unicode (UTF-8 in ISO 2709).</summary>
    public bool IsUnicode => _chars[9] == 'a';

    /// <summary>Leader/00-04 read as a number, or -1 when it is not five digits.</summary>
    public int RecordLength => ReadNumber(0, 5);

    /// <summary>Leader/12-16 read as a number, or -1 when it is not five digits.</summary>
    public int BaseAddressOfData => ReadNumber(12, 5);

    /// <summary>Writes a number into a fixed-width, zero-padded slot (record length, base address).</summary>
    public void WriteNumber(int start, int width, int value)
    {
        for (var i = start + width - 1; i >= start; i--)
        {
            _chars[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>A copy of this leader.</summary>
    public Leader Clone() => new(new string(_chars));

    /// <inheritdoc />
    public override string ToString() => new(_chars);

    private int ReadNumber(int start, int width)
    {
        var value = 0;
        for (var i = start; i < start + width; i++)
        {
            var c = _chars[i];
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
