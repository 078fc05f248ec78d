namespace Marcgate.Gateway.Tests;

/// <summary>Every vector of data/gateway/requests.json, fed whole, one byte at a time and split at every offset.</summary>
public sealed class RequestVectorTests
{
    public static IEnumerable<object[]> Names => RequestVectors.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Whole_request_reads_as_the_vector_expects(string name)
    {
        var vector = RequestVectors.Named(name);
        var reader = new GatewayRequestReader();
        var result = reader.Read(vector.Bytes, GatewayInput.Open);
        if (result.Status != GatewayReadStatus.Complete)
        {
            result = reader.Read(vector.Bytes, GatewayInput.Ended);
        }

        if (vector.Expect.TryGetValue("error", out var error))
        {
            Assert.Equal(GatewayReadStatus.Invalid, result.Status);
            Assert.Contains(result.ErrorCode!, error.Split(" or "));
            Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage));
            return;
        }

        Assert.Equal(GatewayReadStatus.Complete, result.Status);
        var request = result.Request!;
        Assert.Equal(vector.Expect["dialect"], request.Dialect.ToString().ToLowerInvariant());
        Assert.Equal(vector.Expect.GetValueOrDefault("A"), request.LogonId);
        Assert.Equal(vector.Expect.GetValueOrDefault("P"), request.Password);
        Assert.Equal(vector.Expect.GetValueOrDefault("U"), request.UserId);
        if (vector.Expect.TryGetValue("logon_id", out var logonId))
        {
            Assert.Equal(logonId, request.EffectiveLogonId);
        }

        Assert.Equal(int.Parse(vector.Expect["record_length"], System.Globalization.CultureInfo.InvariantCulture), request.Record.Length);
        Assert.Equal(0x1D, request.Record.Span[^1]);
        Assert.InRange(request.Record.Span[0], (byte)'0', (byte)'9');
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void One_byte_at_a_time_reads_the_same_as_whole(string name)
    {
        var vector = RequestVectors.Named(name);
        var whole = ReadTranscript.Whole(vector.Bytes);
        Assert.NotEmpty(whole);
        Assert.Equal(whole, ReadTranscript.ByteByByte(vector.Bytes));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_split_into_two_chunks_reads_the_same_as_whole(string name)
    {
        var vector = RequestVectors.Named(name);
        var whole = ReadTranscript.Whole(vector.Bytes);
        for (var cut = 0; cut <= vector.Bytes.Length; cut++)
        {
            Assert.Equal(whole, ReadTranscript.Feed(vector.Bytes, [cut]));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_vector_sent_twice_on_one_connection_gives_two_requests(string name)
    {
        var vector = RequestVectors.Named(name);
        var once = ReadTranscript.Whole(vector.Bytes);
        var twice = ReadTranscript.Whole([.. vector.Bytes, .. vector.Bytes]);
        if (once[0].StartsWith("error", StringComparison.Ordinal))
        {
            // An error loses the framing: what follows it is not read (§5).
            return;
        }

        Assert.Equal([once[0], once[0]], twice);
    }
}
