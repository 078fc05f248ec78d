namespace Marcgate.Marc.Charset;

/// <summary>Where a Unicode character lives in MARC-8: a set and its code (7-bit, or 24-bit for EACC).</summary>
internal readonly record struct Marc8Code(int Set, int Code, int Flags)
{
    /// <summary>True for combining marks, which MARC-8 writes before their base.</summary>
    public bool IsCombining => (Flags & Marc8Tables.CombiningFlag) != 0;

    /// <summary>True for a C1 control of ANSEL (88, 89, 8D, 8E), written as a raw byte whatever the designations.</summary>
    public bool IsC1Control => Set != Marc8Sets.Eacc && Code < 0x20;
}
