using System.Text.Json;
using Marcgate.Tests;

namespace Marcgate.Gateway.Tests;

/// <summary>The request vectors of testdata/gateway/requests.json.</summary>
internal static class RequestVectors
{
    private static readonly Lazy<IReadOnlyList<RequestVector>> s_all = new(Load);

    public static IReadOnlyList<RequestVector> All => s_all.Value;

    public static IEnumerable<object[]> Names => All.Select(v => new object[] { v.Name });

    public static RequestVector Named(string name) => All.Single(v => v.Name == name);

    /// <summary>The 254-byte UTF-8 record of the "raw record" vector.</summary>
    public static byte[] SampleRecord => Named("raw record").Bytes;

    private static IReadOnlyList<RequestVector> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(TestFiles.Gateway("requests.json")));
        return json.RootElement.GetProperty("vectors").EnumerateArray().Select(v => new RequestVector(
            v.GetProperty("name").GetString()!,
            Convert.FromHexString(v.GetProperty("hex").GetString()!),
            v.GetProperty("expect").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()))).ToList();
    }
}
