using System.Runtime.CompilerServices;

namespace Marcgate.Validation.Tables;

/// <summary>One position (or range) of a fixed field and the codes it may hold.</summary>
/// <remarks>Chars: codes allowed in each character of the range; Values: codes allowed as the whole range ("||||", "xx ", "nnn"); Templates: shapes for the whole range, 'a' a lowercase letter, '9' a digit, ' ' a blank.</remarks>
internal sealed record PositionDefinition(int Start, int End, string Label, string Chars, string[] Values, string[] Templates)
{
    // Chars by ASCII value: positions are a few characters wide, where a table read per character beats a vector search.
    private readonly bool[]? _chars = Chars.Length > 0 ? SingleCharacters(Chars, [], []) : null;

    // Most positions are one character wide: what they accept, by ASCII value, so that each is one table read.
    // Positions with nothing to check against accept anything, and have no table.
    private readonly bool[]? _single = End == Start && (Chars.Length > 0 || Values.Length > 0 || Templates.Length > 0)
        ? SingleCharacters(Chars, Values, Templates) : null;

    private string? _range;

    public int Width => End - Start + 1;

    /// <summary>The last rejected value and its message; threads may replace it at any time, and a reference store is atomic.</summary>
    public RejectedCode? LastRejected { get; set; }

    /// <summary>False when nothing is defined to check against (dates, counts the schema leaves open).</summary>
    public bool IsChecked { get; } = Chars.Length > 0 || Values.Length > 0 || Templates.Length > 0;

    /// <summary>The position as MARC 21 documentation writes it: "06" or "18-21".</summary>
    public string Range => _range ??= Start == End ? $"{Start:00}" : $"{Start:00}-{End:00}";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Accepts(ReadOnlySpan<char> value) =>
        _single is { } single && value.Length == 1 ? value[0] < 128 && single[value[0]] : AcceptsRange(value);

    private bool AcceptsRange(ReadOnlySpan<char> value)
    {
        if (!IsChecked)
        {
            return true;
        }

        if (_chars is { } chars && AllIn(value, chars))
        {
            return true;
        }

        foreach (var allowed in Values)
        {
            if (value.SequenceEqual(allowed))
            {
                return true;
            }
        }

        foreach (var template in Templates)
        {
            if (Fits(value, template))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllIn(ReadOnlySpan<char> value, bool[] accepted)
    {
        foreach (var c in value)
        {
            if (c >= 128 || !accepted[c])
            {
                return false;
            }
        }

        return true;
    }

    // The same answers as the general path of Accepts, for every one-character value: built from what each part accepts.
    private static bool[] SingleCharacters(string chars, string[] values, string[] templates)
    {
        var accepted = new bool[128];
        foreach (var c in chars)
        {
            Accept(accepted, c, c);
        }

        foreach (var value in values)
        {
            if (value.Length == 1)
            {
                Accept(accepted, value[0], value[0]);
            }
        }

        foreach (var template in templates)
        {
            switch (template)
            {
                case "a":
                    Accept(accepted, 'a', 'z');
                    break;
                case "9":
                    Accept(accepted, '0', '9');
                    break;
                case { Length: 1 }:
                    Accept(accepted, template[0], template[0]);
                    break;
            }
        }

        return accepted;
    }

    private static void Accept(bool[] accepted, char first, char last)
    {
        for (var c = first; c <= last && c < accepted.Length; c++)
        {
            accepted[c] = true;
        }
    }

    private static bool Fits(ReadOnlySpan<char> value, string template)
    {
        if (value.Length != template.Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var ok = template[i] switch
            {
                'a' => value[i] is >= 'a' and <= 'z',
                '9' => char.IsAsciiDigit(value[i]),
                var literal => value[i] == literal,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
