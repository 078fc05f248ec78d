namespace Marcgate.Gateway.Tests;

/// <summary>Drives <see cref="GatewayRequestReader"/> as a session does: appends each chunk, reads what completed, and ends the input.</summary>
internal static class ReadTranscript
{
    /// <summary>Feeds <paramref name="bytes"/> cut at <paramref name="cuts"/> and returns one line per request or error.</summary>
    public static IReadOnlyList<string> Feed(byte[] bytes, IEnumerable<int> cuts, GatewayRequestReaderOptions? options = null)
    {
        var reader = new GatewayRequestReader(options);
        var buffer = new List<byte>();
        var lines = new List<string>();
        var from = 0;
        foreach (var cut in cuts.Append(bytes.Length))
        {
            buffer.AddRange(bytes[from..cut]);
            from = cut;
            if (Drain(reader, buffer, GatewayInput.Open, lines))
            {
                return lines;
            }
        }

        Drain(reader, buffer, GatewayInput.Ended, lines);
        return lines;
    }

    public static IReadOnlyList<string> Whole(byte[] bytes) => Feed(bytes, []);

    public static IReadOnlyList<string> ByteByByte(byte[] bytes) => Feed(bytes, Enumerable.Range(1, Math.Max(0, bytes.Length - 1)));

    public static string Describe(GatewayRequest request)
    {
        var recovered = request.RecordLengthRecovered ? $" declared={request.DeclaredRecordLength}" : "";
        return $"{request.Dialect} A={request.LogonId ?? "-"} P={request.Password ?? "-"} U={request.UserId ?? "-"} record={request.Record.Length}{recovered}";
    }

    // Returns true when the reader gave up (an error ends the connection).
    private static bool Drain(GatewayRequestReader reader, List<byte> buffer, GatewayInput input, List<string> lines)
    {
        while (true)
        {
            var result = reader.Read(buffer.ToArray(), input);
            switch (result.Status)
            {
                case GatewayReadStatus.Complete:
                    lines.Add(Describe(result.Request!));
                    buffer.RemoveRange(0, result.Consumed);
                    continue;
                case GatewayReadStatus.Idle:
                    buffer.RemoveRange(0, result.Consumed);
                    return false;
                case GatewayReadStatus.Invalid:
                    lines.Add("error " + result.ErrorCode);
                    return true;
                default:
                    return false;
            }
        }
    }
}
