using System.Globalization;
using System.Text;

namespace Marcgate.Marc.Charset;

/// <summary>
/// Unicode to MARC-8: characters MARC-8 lacks decomposed (NFD), combining marks written before their base, escapes to the sets a value
/// needs and back to the defaults (G0 ASCII, G1 ANSEL) at its end, <c>&amp;#xXXXX;</c> (the LoC
/// numeric character reference convention) for characters no MARC-8 set holds.
/// </summary>
internal static class Marc8Encoder
{
    private const char Escape = '\u001B';

    // ANSEL EB/FA (first halves, as 7-bit positions) and the second halves EC/FB written before the next letter.
    private const int LigatureFirst = 0x6B;
    private const int DoubleTildeFirst = 0x7A;

    /// <summary>Encodes one value; the result holds MARC-8 bytes one per char.</summary>
    public static string Encode(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007E') && !text.Contains(Escape, StringComparison.Ordinal))
        {
            return text;
        }

        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var output = new StringBuilder(composed.Length + 8);
        var g0 = Marc8Sets.BasicLatin;
        var secondHalf = -1;
        var runes = composed.EnumerateRunes().ToArray();
        var marks = new List<Rune>();
        var unencodable = new List<Rune>();
        for (var i = 0; i < runes.Length;)
        {
            // A cluster: a base and the marks after it. A base MARC-8 lacks but whose canonical decomposition
            // it has (é = e + U+0301) is decomposed; Hangul and other precomposed EACC characters stay whole.
            Rune? baseRune = null;
            var end = i;
            if (!IsMark(runes[i]))
            {
                baseRune = runes[i];
                end++;
                if (Marc8ReverseTable.Find(runes[i].Value).IsEmpty && Decompose(runes[i], marks) is { } decomposedBase)
                {
                    baseRune = decomposedBase;
                }
            }

            while (end < runes.Length && IsMark(runes[end]))
            {
                marks.Add(runes[end++]);
            }

            // MARC-8 order: the pending second half of a double diacritic, the marks, then the base.
            if (secondHalf >= 0 && baseRune is not null)
            {
                output.Append((char)(0x80 | secondHalf));
                secondHalf = -1;
            }

            foreach (var mark in marks)
            {
                if (!TryWriteMark(mark, output, ref g0, ref secondHalf))
                {
                    unencodable.Add(mark);
                }
            }

            if (baseRune is { } written)
            {
                WriteBase(written, output, ref g0);
            }

            foreach (var mark in unencodable)
            {
                WriteReference(mark, output, ref g0);
            }

            marks.Clear();
            unencodable.Clear();
            i = end;
        }

        SwitchG0(Marc8Sets.BasicLatin, output, ref g0);
        return output.ToString();
    }

    /// <summary>
    /// The base to write for a rune MARC-8 lacks, adding the marks it decomposes into; null when it has no
    /// canonical decomposition. The base keeps as many leading marks as MARC-8 holds precomposed
    /// (ở = ơ, which ANSEL has, + U+0309, not o + horn + hook).
    /// </summary>
    private static Rune? Decompose(Rune rune, List<Rune> marks)
    {
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length == rune.Utf16SequenceLength)
        {
            return null;
        }

        var parts = decomposed.EnumerateRunes().ToArray();
        if (IsMark(parts[0]))
        {
            return null;
        }

        var keep = 0;
        for (var k = parts.Length - 2; k >= 1; k--)
        {
            var partial = string.Concat(parts.Take(k + 1)).Normalize(NormalizationForm.FormC);
            if (Rune.DecodeFromUtf16(partial, out var composed, out var used) == System.Buffers.OperationStatus.Done
                && used == partial.Length && !Marc8ReverseTable.Find(composed.Value).IsEmpty)
            {
                parts[k] = composed;
                keep = k;
                break;
            }
        }

        marks.AddRange(parts.Skip(keep + 1));
        return parts[keep];
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool TryWriteMark(Rune mark, StringBuilder output, ref int g0, ref int secondHalf)
    {
        var code = Choose(Marc8ReverseTable.Find(mark.Value), g0, combining: true);
        if (code is not { } chosen)
        {
            return false;
        }

        if (chosen.Set == Marc8Sets.Ansel && (chosen.Flags & Marc8Tables.SecondHalfFlag) == 0)
        {
            secondHalf = chosen.Code switch
            {
                LigatureFirst => LigatureFirst + 1,
                DoubleTildeFirst => DoubleTildeFirst + 1,
                _ => secondHalf,
            };
        }

        WriteCode(chosen, output, ref g0);
        return true;
    }

    private static void WriteBase(Rune rune, StringBuilder output, ref int g0)
    {
        var value = rune.Value;
        if (value < 0x20 && value != Escape)
        {
            // C0 controls are common to every set (MARC 21 character sets, part 3).
            output.Append((char)value);
            return;
        }

        if (value == ' ')
        {
            output.Append(' ');
            return;
        }

        if (Choose(Marc8ReverseTable.Find(value), g0, combining: false) is { } code && value != Escape)
        {
            WriteCode(code, output, ref g0);
            return;
        }

        WriteReference(rune, output, ref g0);
    }

    private static Marc8Code? Choose(ReadOnlySpan<Marc8Code> candidates, int g0, bool combining)
    {
        Marc8Code? first = null;
        Marc8Code? g1 = null;
        foreach (var candidate in candidates)
        {
            if (candidate.IsCombining != combining || (candidate.Set == Marc8Sets.BasicLatin && candidate.Code < 0x20))
            {
                continue;
            }

            if (candidate.Set == g0 || candidate.IsC1Control)
            {
                return candidate;
            }

            g1 ??= candidate.Set == Marc8Sets.Ansel ? candidate : null;
            first ??= candidate;
        }

        // Stay in the current G0 when it has the character, else use G1 (ANSEL) without an escape.
        return g1 ?? first;
    }

    private static void WriteCode(Marc8Code code, StringBuilder output, ref int g0)
    {
        if (code.IsC1Control || code.Set == Marc8Sets.Ansel)
        {
            output.Append((char)(0x80 | code.Code));
            return;
        }

        SwitchG0(code.Set, output, ref g0);
        if (code.Set == Marc8Sets.Eacc)
        {
            output.Append((char)(code.Code >> 16)).Append((char)((code.Code >> 8) & 0xFF)).Append((char)(code.Code & 0xFF));
        }
        else
        {
            output.Append((char)code.Code);
        }
    }

    private static void WriteReference(Rune rune, StringBuilder output, ref int g0)
    {
        SwitchG0(Marc8Sets.BasicLatin, output, ref g0);
        output.Append(CultureInfo.InvariantCulture, $"&#x{rune.Value:X4};");
    }

    private static void SwitchG0(int set, StringBuilder output, ref int g0)
    {
        if (set == g0)
        {
            return;
        }

        output.Append(Escape);
        switch (set)
        {
            case Marc8Sets.GreekSymbols:
                output.Append('g');
                break;
            case Marc8Sets.Subscripts:
                output.Append('b');
                break;
            case Marc8Sets.Superscripts:
                output.Append('p');
                break;
            case Marc8Sets.BasicLatin when g0 is Marc8Sets.GreekSymbols or Marc8Sets.Subscripts or Marc8Sets.Superscripts:
                output.Append('s');
                break;
            case Marc8Sets.Eacc:
                output.Append("$1");
                break;
            default:
                output.Append('(').Append((char)Marc8Tables.SetFinals[set]);
                break;
        }

        g0 = set;
    }
}
