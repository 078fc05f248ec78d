using System.Text;

namespace Marcgate.Host.Tests;

/// <summary>Request bytes for the loopback tests.</summary>
internal static class Records
{
    /// <summary>The 254-byte UTF-8 record of the request vectors ("How to program a computer").</summary>
    public static byte[] Sample { get; } = Convert.FromHexString(
        "30303235346e616d206132323030313039206120343530303030313030313230303030303030333030303630303031323030353030313730303031383030383030343130303033353033353030323030303037363034303030313830303039363234353030333030303131341e6f636d36333131313238301e4f436f4c431e32303234303130313132303030302e301e323430313031733230323420202020696c752020202020202020202020303030203020656e6720641e20201f61284f436f4c432936333131313238301e20201f61444c431f62656e671f63444c431e31301f61486f7720746f2070726f6772616d206120636f6d70757465721e1d");

    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>The sample with its 245 $a changed (same length), so it is a different record.</summary>
    public static byte[] SampleVariant(char mark)
    {
        var bytes = Sample.ToArray();
        var at = Encoding.ASCII.GetString(bytes).IndexOf("How to", StringComparison.Ordinal);
        bytes[at] = (byte)mark;
        return bytes;
    }

    public static byte[] WithDeclaredLength(byte[] record, int declared)
    {
        var bytes = record.ToArray();
        Encoding.ASCII.GetBytes(declared.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).CopyTo(bytes, 0);
        return bytes;
    }
}
