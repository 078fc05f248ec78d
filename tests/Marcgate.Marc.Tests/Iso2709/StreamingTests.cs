using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>The reader over streams: any chunking gives the same results, and memory stays one record deep.</summary>
public sealed class StreamingTests
{
    [Theory]
    [InlineData("invalid/cameleof.usmarc")]
    [InlineData("invalid/bad_records.mrc")]
    [InlineData("invalid/badldr.usmarc")]
    [InlineData("invalid/bad_too_long_plus_2.mrc")]
    [InlineData("valid/brkrtest_UTF8.mrc")]
    public void A_stream_that_yields_one_byte_at_a_time_reads_the_same(string file)
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc(file));
        var whole = Describe(new MemoryStream(bytes));
        var trickled = Describe(new TrickleStream(bytes));

        Assert.Equal(whole, trickled);
    }

    [Fact]
    public void Millions_of_bytes_are_read_with_a_buffer_the_size_of_one_record()
    {
        var record = File.ReadAllBytes(TestFiles.Marc("valid/summerland.mrc"));
        using var reader = new Iso2709Reader(new RepeatingStream(record, 20_000));
        var count = 0;
        while (reader.Read() is { } result)
        {
            Assert.Empty(result.Diagnostics);
            count++;
        }

        Assert.Equal(20_000, count);
        Assert.Equal(20_000L * record.Length, reader.BytesConsumed);
        Assert.True(reader.BufferCapacity <= 128 * 1024, $"buffer grew to {reader.BufferCapacity}");
    }

    [Fact]
    public void Input_without_record_terminators_stops_at_the_size_limit()
    {
        var options = MarcReaderOptions.Default with { MaxRecordBytes = 4_096 };
        var endless = new byte[300_000];
        endless.AsSpan().Fill((byte)'7');
        "00100nam a2200037 a 4500"u8.CopyTo(endless);
        using var reader = new Iso2709Reader(new TrickleStream(endless, chunk: 1000), options);

        var first = reader.Read()!;
        Assert.Null(first.Record);
        Assert.Equal(MarcDiagnosticIds.LimitExceeded, Assert.Single(first.Diagnostics).Id);
        Assert.Null(reader.Read());
        Assert.True(reader.BufferCapacity <= 128 * 1024, $"buffer grew to {reader.BufferCapacity}");
    }

    [Fact]
    public void The_field_limit_keeps_the_first_fields_and_reports_an_error()
    {
        var record = new MarcRecord(Leader.CreateDefault(), Enumerable.Range(0, 50).Select(i => new ControlField("001", $"{i}")));
        var bytes = Iso2709Writer.Write(record);

        var result = Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.Default with { MaxFields = 10 }));

        Assert.Equal(MarcDiagnosticIds.LimitExceeded, Assert.Single(result.Diagnostics).Id);
        Assert.Equal(10, result.Record!.Fields.Count);
        Assert.Null(Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.StrictDefault with { MaxFields = 10 })).Record);
    }

    private static List<string> Describe(Stream stream)
    {
        using var reader = new Iso2709Reader(stream);
        var lines = new List<string>();
        while (reader.Read() is { } result)
        {
            lines.Add($"{result.RecordNumber}@{result.ByteOffset}: {(result.Record is null ? "rejected" : Convert.ToHexString(Iso2709Writer.Write(result.Record)))}");
            lines.AddRange(result.Diagnostics.Select(d => d.ToString()));
        }

        lines.AddRange(reader.EndDiagnostics.Select(d => d.ToString()));
        return lines;
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as sockets and pipes do.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk = 1) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }

    /// <summary>The same record over and over, never held in memory as a whole file.</summary>
    private sealed class RepeatingStream(byte[] record, int times) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => (long)record.Length * times;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                var at = (int)(_position % record.Length);
                var take = Math.Min(count - written, record.Length - at);
                Array.Copy(record, at, buffer, offset + written, take);
                written += take;
                _position += take;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
