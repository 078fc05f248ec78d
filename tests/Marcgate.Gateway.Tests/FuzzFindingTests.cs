using Marcgate.Tests;

namespace Marcgate.Gateway.Tests;

/// <summary>The gateway inputs the fuzzer found (tests/Marcgate.Fuzz/regressions/gateway) read the same however they are split.</summary>
public sealed class FuzzFindingTests
{
    public static TheoryData<string> Findings()
    {
        var folder = Path.Combine(TestFiles.RepoRoot, "tests", "Marcgate.Fuzz", "regressions", "gateway");
        return [.. Directory.EnumerateFiles(folder, "*.bin").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_fuzz_finding_reads_the_same_byte_by_byte_as_whole(string file)
    {
        var bytes = Load(file);
        Assert.Equal(ReadTranscript.Whole(bytes), ReadTranscript.ByteByByte(bytes));
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void A_complete_or_invalid_answer_to_a_prefix_holds_for_the_whole(string file)
    {
        // The reader's promise: every answer but NeedMoreData and CompleteIfQuiet holds for any later extension.
        var bytes = Load(file);
        var reader = new GatewayRequestReader();
        var whole = reader.Read(bytes, GatewayInput.Open);
        for (var length = 1; length < bytes.Length; length++)
        {
            var prefix = reader.Read(bytes.AsSpan(0, length), GatewayInput.Open);
            if (prefix.Status is GatewayReadStatus.Complete or GatewayReadStatus.Invalid)
            {
                Assert.Equal((prefix.Status, prefix.Consumed), (whole.Status, whole.Consumed));
            }
        }
    }

    private static byte[] Load(string file) =>
        File.ReadAllBytes(Path.Combine(TestFiles.RepoRoot, "tests", "Marcgate.Fuzz", "regressions", "gateway", file));
}
