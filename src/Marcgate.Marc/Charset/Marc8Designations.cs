namespace Marcgate.Marc.Charset;

/// <summary>
/// The sets designated as G0 and G1 while decoding or encoding one field; MARC 21 defaults are
/// Basic Latin (ASCII) as G0 and ANSEL as G1 at the start of every field.
/// </summary>
internal struct Marc8Designations
{
    /// <summary>Set index (see <see cref="Marc8Sets"/>) for bytes 0x21-0x7E.</summary>
    public int G0;

    /// <summary>Set index for bytes 0xA1-0xFE.</summary>
    public int G1;

    /// <summary>The MARC 21 defaults: G0 ASCII, G1 ANSEL.</summary>
    public static Marc8Designations Default => new() { G0 = Marc8Sets.BasicLatin, G1 = Marc8Sets.Ansel };

    /// <summary>True when both designations are the defaults.</summary>
    public readonly bool IsDefault => G0 == Marc8Sets.BasicLatin && G1 == Marc8Sets.Ansel;
}
