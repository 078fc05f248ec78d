using System.Buffers;
using System.Runtime.CompilerServices;

namespace Marcgate.Validation.Tables;

/// <summary>One position (or range) of a fixed field and the codes it may hold.</summary>
/// <remarks>Chars: codes allowed in each character of the range; Values: codes allowed as the whole range ("||||", "xx ", "nnn"); Templates: shapes for the whole range, 'a' a lowercase letter, '9' a digit, ' ' a blank.</remarks>
internal sealed record PositionDefinition(int Start, int End, string Label, string Chars, string[] Values, string[] Templates)
{
    // Chars as a set the runtime tests a vector of characters at a time against.
    private readonly SearchValues<char> _chars = SearchValues.Create(Chars);
    private string? _range;

    public int Width => End - Start + 1;

    /// <summary>The last rejected value and its message; threads may replace it at any time, and a reference store is atomic.</summary>
    public RejectedCode? LastRejected { get; set; }

    /// <summary>False when nothing is defined to check against (dates, counts the schema leaves open).</summary>
    public bool IsChecked { get; } = Chars.Length > 0 || Values.Length > 0 || Templates.Length > 0;

    /// <summary>The position as MARC 21 documentation writes it: "06" or "18-21".</summary>
    public string Range => _range ??= Start == End ? $"{Start:00}" : $"{Start:00}-{End:00}";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Accepts(ReadOnlySpan<char> value)
    {
        if (!IsChecked)
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

        return Chars.Length > 0 && !value.ContainsAnyExcept(_chars);
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
