namespace Marcgate.Marc.Charset;

internal static partial class Marc8Decoder
{
    /// <summary>
    /// Reads the escape sequence at <paramref name="offset"/> and returns how many bytes it used.
    /// An ESC that begins no sequence is kept as U+001B (pymarc and MARC::Charset do the same).
    /// </summary>
    private static int ReadEscape(ReadOnlySpan<char> input, int offset, ref Marc8Designations designations, List<Marc8Problem>? problems, ref Marc8Output output)
    {
        var next = offset + 1 < input.Length ? input[offset + 1] : '\0';
        switch (next)
        {
            // Technique 1, the single-byte escapes: ESC g/b/p select a set as G0, ESC s returns to ASCII.
            case 'g':
                designations.G0 = Marc8Sets.GreekSymbols;
                return 2;
            case 'b':
                designations.G0 = Marc8Sets.Subscripts;
                return 2;
            case 'p':
                designations.G0 = Marc8Sets.Superscripts;
                return 2;
            case 's':
                designations.G0 = Marc8Sets.BasicLatin;
                return 2;

            // Technique 2: ESC ( or ESC , designate G0; ESC ) or ESC - designate G1; ESC $ multibyte.
            case '(' or ',':
                return Designate(input, offset, offset + 2, g1: false, ref designations, problems, ref output);
            case ')' or '-':
                return Designate(input, offset, offset + 2, g1: true, ref designations, problems, ref output);
            case '$':
                var at = offset + 2;
                var g1 = false;
                if (at < input.Length && input[at] is '(' or ',' or ')' or '-')
                {
                    g1 = input[at] is ')' or '-';
                    at++;
                }

                return Designate(input, offset, at, g1, ref designations, problems, ref output);
            default:
                problems?.Add(new(offset, next == '\0' && offset + 1 >= input.Length
                    ? "escape (1B) at the end of the value begins no escape sequence; kept as U+001B"
                    : $"escape (1B) followed by {(int)next:X2} begins no escape sequence; kept as U+001B"));
                output.WriteBase(Escape);
                return 1;
        }
    }

    private static int Designate(ReadOnlySpan<char> input, int offset, int finalAt, bool g1, ref Marc8Designations designations, List<Marc8Problem>? problems, ref Marc8Output output)
    {
        // ANSEL's registered sequence carries the intermediate '!' (ESC ) ! E); accept it before any final.
        if (finalAt < input.Length && input[finalAt] == '!')
        {
            finalAt++;
        }

        if (finalAt >= input.Length)
        {
            problems?.Add(new(offset, "escape sequence cut off at the end of the value; kept as U+001B"));
            output.WriteBase(Escape);
            return 1;
        }

        var set = Marc8Sets.FromFinal(input[finalAt]);
        if (set < 0)
        {
            problems?.Add(new(offset, $"escape sequence names character set {(int)input[finalAt]:X2}, which MARC-8 does not define; designation unchanged"));
            return finalAt - offset + 1;
        }

        if (g1)
        {
            designations.G1 = set;
        }
        else
        {
            designations.G0 = set;
        }

        return finalAt - offset + 1;
    }
}
