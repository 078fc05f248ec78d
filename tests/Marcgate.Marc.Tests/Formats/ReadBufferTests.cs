using Marcgate.Marc.Formats;

namespace Marcgate.Marc.Tests.Formats;

/// <summary>The buffer every streaming reader frames from: offsets across refills, growth, its limit and the end of input.</summary>
public sealed class ReadBufferTests
{
    private static readonly byte[] s_input = [.. Enumerable.Range(0, 1000).Select(i => (byte)(i % 251))];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void Consumed_bytes_keep_their_input_offsets_whatever_the_stream_returns_per_read(int chunk)
    {
        var buffer = new ReadBuffer(new ChunkedStream(s_input, chunk), initialSize: 16, maxSize: 4096);
        var seen = new List<byte>();
        while (buffer.Ensure(3) || buffer.Count > 0)
        {
            Assert.Equal(seen.Count, buffer.Offset);
            var take = Math.Min(3, buffer.Count);
            seen.AddRange(buffer.Unread[..take].ToArray());
            buffer.Consume(take);
        }

        Assert.True(buffer.Ended);
        Assert.Equal(s_input, seen);
        Assert.Equal(s_input.Length, buffer.Offset);
    }

    [Fact]
    public void Grows_to_hold_what_is_asked_for_and_no_further_than_its_limit()
    {
        var buffer = new ReadBuffer(new MemoryStream(s_input), initialSize: 16, maxSize: 100);

        Assert.True(buffer.Ensure(100));
        Assert.Equal(100, buffer.Capacity);
        Assert.False(buffer.Fill());
        Assert.False(buffer.Ended);
        Assert.False(buffer.Ensure(101));

        // Consuming makes room again, without growing.
        buffer.Consume(50);
        Assert.True(buffer.Ensure(100));
        Assert.Equal(50, buffer.Offset);
        Assert.Equal(s_input[50], buffer.Unread[0]);
        Assert.Equal(100, buffer.Capacity);
    }

    [Fact]
    public void An_empty_stream_ends_at_once()
    {
        var buffer = new ReadBuffer(new MemoryStream([]), initialSize: 16, maxSize: 100);

        Assert.False(buffer.Fill());
        Assert.True(buffer.Ended);
        Assert.Equal(0, buffer.Count);
        Assert.False(buffer.Fill());
    }

    // Returns at most `chunk` bytes per read, as pipes and sockets do.
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
