namespace Marcgate.Marc.Charset;

/// <summary>Indexes of the MARC-8 character sets in <see cref="Marc8Tables"/> (the generator's order).</summary>
internal static class Marc8Sets
{
    public const int BasicLatin = 0;
    public const int Ansel = 1;
    public const int GreekSymbols = 2;
    public const int Subscripts = 3;
    public const int Superscripts = 4;
    public const int BasicHebrew = 5;
    public const int BasicCyrillic = 6;
    public const int ExtendedCyrillic = 7;
    public const int BasicArabic = 8;
    public const int ExtendedArabic = 9;
    public const int BasicGreek = 10;
    public const int Eacc = 11;

    /// <summary>The set a designation escape's final byte names, or -1 when no MARC-8 set has it.</summary>
    public static int FromFinal(char final) => final > 0xFF ? -1 : Marc8Tables.SetFinals.IndexOf((byte)final);

    /// <summary>The single-byte table entry of a set at a 7-bit position (0 when undefined).</summary>
    public static int Entry(int set, int sevenBit) => Marc8Tables.SingleByte[(set * 128) + sevenBit];

    /// <summary>The code point of an EACC code (with the III additions when asked), or -1.</summary>
    public static int EaccCodePoint(int code, bool innovative)
    {
        var index = Marc8Tables.EaccCodes.BinarySearch(code);
        if (index >= 0)
        {
            return Marc8Tables.EaccCodePoints[index];
        }

        if (innovative)
        {
            index = Marc8Tables.InnovativeCodes.BinarySearch(code);
            if (index >= 0)
            {
                return Marc8Tables.InnovativeCodePoints[index];
            }
        }

        return -1;
    }
}
