using System.Text;

namespace Marcgate.Gateway.Tests;

/// <summary>Builds request bytes for the rule tests.</summary>
internal static class Requests
{
    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>The sample record with its leader length replaced by <paramref name="declared"/>.</summary>
    public static byte[] RecordDeclaring(int declared)
    {
        var record = RequestVectors.SampleRecord.ToArray();
        Encoding.ASCII.GetBytes(declared.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).CopyTo(record, 0);
        return record;
    }

    public static GatewayReadResult Read(byte[] bytes, GatewayInput input = GatewayInput.Open, GatewayRequestReaderOptions? options = null) =>
        new GatewayRequestReader(options).Read(bytes, input);

    public static GatewayRequest ReadComplete(byte[] bytes, GatewayInput input = GatewayInput.Open)
    {
        var result = Read(bytes, input);
        Assert.True(result.Status == GatewayReadStatus.Complete, $"expected a complete request, got {result.Status}: {result.ErrorMessage}");
        return result.Request!;
    }
}
