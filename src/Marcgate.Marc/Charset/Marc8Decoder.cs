using System.Buffers;
using System.Text;

namespace Marcgate.Marc.Charset;

/// <summary>
/// MARC-8 to Unicode (MARC 21 Specifications for Record Structure, Character Sets and Exchange
/// Media, part 3): G0/G1 designation escapes, the single-byte technique, EACC, combining marks
/// moved after their base, double-diacritic halves joined, NFC output.
/// </summary>
/// <remarks>Values hold MARC-8 bytes one char per byte (U+0000-U+00FF), as the record model does.</remarks>
internal static partial class Marc8Decoder
{
    private const char Escape = '\u001B';
    private const char Replacement = '\uFFFD';
    private const int StackLimit = 512;

    // What a value may hold and still be its own Unicode form under the default designations.
    private static readonly SearchValues<char> s_plain = SearchValues.Create(PlainChars());

    /// <summary>Decodes one value; the designations carry over to the field's next subfield.</summary>
    public static string Decode(string value, ref Marc8Designations designations, bool innovative, List<Marc8Problem>? problems)
    {
        if (designations.G0 == Marc8Sets.BasicLatin && !value.AsSpan().ContainsAnyExcept(s_plain))
        {
            return value;
        }

        return Decode(value.AsSpan(), ref designations, innovative, problems);
    }

    /// <summary>
    /// Finds the problems <see cref="Decode(ReadOnlySpan{char}, ref Marc8Designations, bool, List{Marc8Problem}?)"/>
    /// would report, without making the text: validation reports them of a record it keeps as it is.
    /// </summary>
    public static void Check(ReadOnlySpan<char> input, ref Marc8Designations designations, bool innovative, List<Marc8Problem> problems)
    {
        if (designations.IsDefault && (!input.ContainsAnyExceptInRange(' ', '~') || IsPlainAnsel(input)))
        {
            return;
        }

        char[]? rented = null;
        var text = input.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(input.Length));
        var output = new Marc8Output(text, stackalloc char[16]);
        try
        {
            DecodeInto(input, ref designations, innovative, problems, ref output);
            if (output.HasPendingMarks)
            {
                problems.Add(new(input.Length, "combining mark with no base character at the end of the value"));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // With the default sets and no escape, decoding can only go wrong on an undefined byte, a combining mark that ends
    // the value, or more than 16 marks in a row: a plain scan says whether any of those is there (most ANSEL text).
    private static bool IsPlainAnsel(ReadOnlySpan<char> input)
    {
        var marks = 0;
        foreach (var c in input)
        {
            if (c < 0x20)
            {
                if (c == Escape)
                {
                    return false;
                }

                marks = 0;
                continue;
            }

            if (c > 0xFF)
            {
                return false;
            }

            var entry = Marc8Sets.Entry(c < 0x80 ? Marc8Sets.BasicLatin : Marc8Sets.Ansel, c & 0x7F);
            if (entry == 0)
            {
                return false;
            }

            marks = (entry & Marc8Tables.CombiningFlag) != 0 ? marks + 1 : 0;
            if (marks > 16)
            {
                return false;
            }
        }

        return marks == 0;
    }

    /// <summary>Decodes MARC-8 bytes held one per char.</summary>
    public static string Decode(ReadOnlySpan<char> input, ref Marc8Designations designations, bool innovative, List<Marc8Problem>? problems)
    {
        char[]? rented = null;
        var text = input.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(input.Length));
        var output = new Marc8Output(text, stackalloc char[16]);
        try
        {
            DecodeInto(input, ref designations, innovative, problems, ref output);
            if (output.HasPendingMarks)
            {
                problems?.Add(new(input.Length, "combining mark with no base character at the end of the value"));
                output.FlushMarks();
            }

            var written = output.Written;
            if (!output.MayNeedNormalization)
            {
                return new string(written);
            }

            // string.Normalize checks whether the text is already NFC before it builds a new string.
            return new string(written).Normalize(NormalizationForm.FormC);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void DecodeInto(ReadOnlySpan<char> input, ref Marc8Designations designations, bool innovative, List<Marc8Problem>? problems, ref Marc8Output output)
    {
        var i = 0;
        while (i < input.Length)
        {
            if (designations.G0 == Marc8Sets.BasicLatin && !output.HasPendingMarks)
            {
                // ASCII fast path: copy the run of printable ASCII and controls up to the next ESC or high byte.
                var run = input[i..].IndexOfAnyExcept(s_plain);
                var end = run < 0 ? input.Length : i + run;
                if (end > i)
                {
                    output.WriteAscii(input[i..end]);
                    i = end;
                    if (i == input.Length)
                    {
                        return;
                    }
                }
            }

            var c = input[i];
            if (c == Escape)
            {
                i += ReadEscape(input, i, ref designations, problems, ref output);
            }
            else if (c > 0xFF)
            {
                problems?.Add(new(i, $"U+{(int)c:X4} is not a byte; MARC-8 text holds bytes 00-FF"));
                output.WriteBase(c);
                i++;
            }
            else if (c <= 0x20)
            {
                // C0 controls and the space are the same in every graphic set (MARC-8 keeps 20 single-byte in EACC).
                // Stray controls are kept as MARC::Charset keeps them: whether a control is allowed in a field
                // is for validation and for writers that cannot carry it (MARCXML) to report, not a charset matter.
                output.WriteBase(c);
                i++;
            }
            else if (c < 0x80)
            {
                i += designations.G0 == Marc8Sets.Eacc
                    ? ReadEacc(input, i, 0x7F, innovative, problems, ref output)
                    : WriteEntry(designations.G0, c, i, problems, ref output);
            }
            else if (c < 0xA0)
            {
                // C1 controls are not part of a graphic set; ANSEL's table lists the ones MARC-8 uses (88, 89, 8D, 8E).
                i += WriteEntry(Marc8Sets.Ansel, c, i, problems, ref output);
            }
            else
            {
                i += designations.G1 == Marc8Sets.Eacc
                    ? ReadEacc(input, i, 0xFF, innovative, problems, ref output)
                    : WriteEntry(designations.G1, c, i, problems, ref output);
            }
        }
    }

    private static int WriteEntry(int set, char c, int offset, List<Marc8Problem>? problems, ref Marc8Output output)
    {
        var entry = Marc8Sets.Entry(set, c & 0x7F);
        if (entry == 0)
        {
            problems?.Add(new(offset, $"byte {(int)c:X2} is not defined in the {SetName(set)} set"));
            output.WriteBase(Replacement);
        }
        else if ((entry & Marc8Tables.SecondHalfFlag) != 0)
        {
            // ANSEL EC/FB: the first half (EB/FA) already became U+0361/U+0360 between the two letters.
        }
        else if ((entry & Marc8Tables.CombiningFlag) != 0)
        {
            if (!output.AddMark((char)(entry & Marc8Tables.CodePointMask)))
            {
                problems?.Add(new(offset, "more than 16 combining marks before one base character"));
            }
        }
        else
        {
            output.WriteBase(entry & Marc8Tables.CodePointMask);
        }

        return 1;
    }

    private static int ReadEacc(ReadOnlySpan<char> input, int offset, int mask, bool innovative, List<Marc8Problem>? problems, ref Marc8Output output)
    {
        if (offset + 2 < input.Length && input[offset + 1] <= mask && input[offset + 2] <= mask)
        {
            var code = ((input[offset] & 0x7F) << 16) | ((input[offset + 1] & 0x7F) << 8) | (input[offset + 2] & 0x7F);
            var codePoint = Marc8Sets.EaccCodePoint(code, innovative);
            if (codePoint >= 0)
            {
                output.WriteBase(codePoint);
                return 3;
            }

            if (IsEaccByte(input[offset + 1], mask) && IsEaccByte(input[offset + 2], mask))
            {
                problems?.Add(new(offset, $"EACC code {code:X6} is not defined"));
                output.WriteBase(Replacement);
                return 3;
            }
        }

        problems?.Add(new(offset, $"incomplete EACC character: byte {(int)input[offset]:X2} starts a 3-byte code that does not follow"));
        output.WriteBase(Replacement);
        return 1;
    }

    // EACC bytes are 21-7E as G0 and A1-FE as G1; the III additions (7F2014 em dash, 21203D) go
    // outside that range and are matched by table lookup before this check.
    private static bool IsEaccByte(char c, int mask) => mask == 0x7F ? c is > (char)0x20 and < (char)0x7F : c is > (char)0xA0 and < (char)0xFF;

    private static string SetName(int set) => set switch
    {
        Marc8Sets.BasicLatin => "Basic Latin",
        Marc8Sets.Ansel => "ANSEL",
        Marc8Sets.GreekSymbols => "Greek symbols",
        Marc8Sets.Subscripts => "subscripts",
        Marc8Sets.Superscripts => "superscripts",
        Marc8Sets.BasicHebrew => "Basic Hebrew",
        Marc8Sets.BasicCyrillic => "Basic Cyrillic",
        Marc8Sets.ExtendedCyrillic => "Extended Cyrillic",
        Marc8Sets.BasicArabic => "Basic Arabic",
        Marc8Sets.ExtendedArabic => "Extended Arabic",
        Marc8Sets.BasicGreek => "Basic Greek",
        _ => "EACC",
    };

    private static string PlainChars()
    {
        var chars = new StringBuilder(127);
        for (var c = '\0'; c < 0x80; c++)
        {
            if (c != Escape && c != '\u007F')
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}
