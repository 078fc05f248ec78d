using System.Buffers;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Tests.Iso2709;

public sealed class WriterTests
{
    [Fact]
    public void The_leader_is_written_as_it_stands_apart_from_length_and_base_address()
    {
        // As yaz does (yaz-golden marc4); the reader is where wrong structure values are repaired.
        var record = new MarcRecord(new Leader("99999nam a  99999 a XX9Y"), [new ControlField("001", "x")]);

        var leader = System.Text.Encoding.ASCII.GetString(Iso2709Writer.Write(record), 0, 24);

        Assert.Equal("00040nam a  00037 a XX9Y", leader);
    }

    [Fact]
    public void A_record_read_with_a_broken_leader_is_written_with_the_assumed_values()
    {
        var read = CorpusReading.Read("invalid/bad_leaders_10_11.mrc", MarcReaderOptions.Default).Record(1);

        var leader = System.Text.Encoding.ASCII.GetString(Iso2709Writer.Write(read), 0, 24);

        Assert.Equal("01794     2200445   450 ", leader);
    }

    [Fact]
    public void Utf8_lengths_and_offsets_count_bytes()
    {
        var record = new MarcRecord(Leader.CreateDefault(), [new DataField("245", '1', '0', [new Subfield('a', "Žluťoučký kůň")]), new ControlField("005", "1")]);

        var bytes = Iso2709Writer.Write(record);

        // 245: 2 indicators + delimiter + code + 19 bytes of UTF-8 + terminator = 24; 005 starts at 24.
        Assert.Equal("245002400000005000200024"u8.ToArray(), bytes[24..48]);
        Assert.Equal(bytes.Length, int.Parse(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("245", "a\u001Eb", "terminator (0x1E)")]
    [InlineData("245", "a\u001Db", "terminator (0x1D)")]
    [InlineData("24", "x", "Tag '24'")]
    [InlineData("245", "ж", "U+0436 but leader/09 is not 'a'")]
    public void Records_iso2709_cannot_carry_are_refused_with_the_reason(string tag, string value, string reason)
    {
        var marc8 = new MarcRecord(new Leader("00000nam  2200000 a 4500"), [new DataField(tag, ' ', ' ', [new Subfield('a', value)])]);

        var error = Assert.Throws<MarcFormatException>(() => Iso2709Writer.Write(marc8));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_over_9999_bytes_is_refused()
    {
        var record = new MarcRecord(null, [new DataField("520", ' ', ' ', [new Subfield('a', new string('x', 9_996))])]);

        var error = Assert.Throws<MarcFormatException>(() => Iso2709Writer.Write(record));

        Assert.Contains("Field 1 (520) is 10001 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Buffer_writer_and_stream_writer_give_the_same_bytes_as_one_record_at_a_time()
    {
        var records = CorpusReading.Read("valid/100.mrc", MarcReaderOptions.Default).Results.Select(r => r.Record!).ToList();
        var buffer = new ArrayBufferWriter<byte>();
        using var stream = new MemoryStream();
        using (var writer = new Iso2709Writer(stream, leaveOpen: true))
        {
            foreach (var record in records)
            {
                Iso2709Writer.Write(record, buffer);
                writer.WriteRecord(record);
            }
        }

        var expected = records.SelectMany(Iso2709Writer.Write).ToArray();
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        Assert.Equal(expected, stream.ToArray());
    }
}
