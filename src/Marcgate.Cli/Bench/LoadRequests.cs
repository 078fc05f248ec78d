using System.Text;

namespace Marcgate.Cli.Bench;

/// <summary>The requests a load run sends: a record from a file, or the built-in sample, with its OCLC number made unique per request.</summary>
internal sealed class LoadRequests
{
    /// <summary>The 254-byte record of the gateway request vectors (testdata/gateway); its OCLC number (001, 035 $a) is replaced per request.</summary>
    internal const string SampleHex =
        "30303235346e616d206132323030313039206120343530303030313030313230303030303030333030303630303031323030353030313730303031383030383030343130303033353033353030323030303037363034303030313830303039363234353030333030303131341e6f636d36333131313238301e4f436f4c431e32303234303130313132303030302e301e323430313031733230323420202020696c752020202020202020202020303030203020656e6720641e20201f61284f436f4c432936333131313238301e20201f61444c431f62656e671f63444c431e31301f61486f7720746f2070726f6772616d206120636f6d70757465721e1d";

    private static readonly byte[] s_sampleNumber = "63111280"u8.ToArray();
    private readonly byte[] _prefix;
    private readonly byte[] _record = Convert.FromHexString(SampleHex);
    private readonly int[] _numberOffsets;
    private readonly long _firstNumber;

    public LoadRequests(string logonId, string password, long firstNumber)
    {
        // Gateway §3.2 short form: the exporter's choice for values of at most 191 bytes.
        _prefix = [.. Field('A', logonId), .. Field('P', password)];
        _numberOffsets = Offsets(_record, s_sampleNumber);
        _firstNumber = firstNumber;
    }

    /// <summary>Request number <paramref name="index"/>: logon fields, the record with OCLC number first + index, then EOT.</summary>
    public byte[] Build(long index)
    {
        var request = new byte[_prefix.Length + _record.Length + 1];
        _prefix.CopyTo(request, 0);
        _record.CopyTo(request, _prefix.Length);
        var number = Encoding.ASCII.GetBytes(((_firstNumber + index) % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var offset in _numberOffsets)
        {
            number.CopyTo(request, _prefix.Length + offset);
        }

        return request;
    }

    /// <summary>A gateway §3.2 short-form field: the tag, 0x40 plus the length, the value.</summary>
    internal static byte[] Field(char tag, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > 191)
        {
            throw new ArgumentException($"the {tag} value is longer than 191 bytes");
        }

        return [(byte)tag, (byte)(0x40 + bytes.Length), .. bytes];
    }

    private static int[] Offsets(byte[] haystack, byte[] needle)
    {
        var offsets = new List<int>();
        for (var at = haystack.AsSpan().IndexOf(needle); at >= 0;)
        {
            offsets.Add(at);
            var next = haystack.AsSpan(at + 1).IndexOf(needle);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return [.. offsets];
    }
}
