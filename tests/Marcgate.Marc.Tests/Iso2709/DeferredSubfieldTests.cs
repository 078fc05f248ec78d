using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>
/// Fields read through a recycler decode their subfields on first use: what their indexed members answer before that
/// must be what the decoded subfields say, and what an ordinary read of the same record holds.
/// </summary>
public sealed class DeferredSubfieldTests
{
    public static TheoryData<string> CorpusFiles() => FrameTests.CorpusFiles();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Indexed_reads_before_decoding_agree_with_the_subfields(string relative)
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc(relative));
        var plain = CorpusReading.Read(bytes, MarcReaderOptions.Default).Results;
        var recycler = new MarcRecordRecycler();
        using var reader = new Iso2709Reader(new MemoryStream(bytes));
        var index = 0;
        while (reader.ReadFrame() is { } frame)
        {
            var result = frame.Parse(recycler);
            var expected = plain[index++].Record;
            if (result.Record is not { } record)
            {
                Assert.Null(expected);
                continue;
            }

            for (var f = 0; f < record.Fields.Count; f++)
            {
                if (record.Fields[f] is not DataField field)
                {
                    continue;
                }

                var want = ((DataField)expected!.Fields[f]).Subfields;
                var seen = Indexed(field);
                Assert.Equal(Described(want), seen);
                Assert.Equal(want.Any(s => s.Value.Any(c => c < ' ')), field.Indexed.AnyHasControlCharacter());

                // Decoding afterwards gives the same subfields, and the indexed reads still agree.
                Assert.Equal(want, field.Subfields);
                Assert.Equal(seen, Indexed(field));
            }

            recycler.Return(record);
        }
    }

    [Fact]
    public void Fields_of_every_length_with_delimiters_and_controls_anywhere_read_as_decoded_now()
    {
        // Lengths around the 16- and 32-byte windows the reader scans, and bytes that matter to it: delimiters (empty
        // subfields too), ESC and other controls, non-ASCII bytes (subfield codes among them), plain letters.
        byte[] pool = [0x1F, 0x1F, 0x1B, 0x01, 0x1E, (byte)'a', (byte)'b', (byte)'z', (byte)'1', (byte)' ', 0xC3, 0xA9, 0xE2, 0x80];
        var random = new Random(2709);
        foreach (var unicode in (bool[])[false, true])
        {
            for (var length = 0; length <= 80; length++)
            {
                for (var sample = 0; sample < 40; sample++)
                {
                    var data = new byte[length];
                    for (var i = 0; i < length; i++)
                    {
                        data[i] = pool[random.Next(pool.Length)];
                    }

                    if (length > 0)
                    {
                        data[0] = 0x1F;
                    }

                    var record = RecordWithField(data, unicode);
                    var eager = Iso2709RecordParser.Parse(record, MarcReaderOptions.Default, 1, 0, []);
                    using var reader = new Iso2709Reader(new MemoryStream(record));
                    var deferred = reader.ReadFrame()!.Parse(new MarcRecordRecycler());
                    var expected = (DataField)eager!.Fields[0];
                    var field = (DataField)deferred.Record!.Fields[0];
                    var what = $"{(unicode ? "UTF-8" : "MARC-8")} field {Convert.ToHexString(data)}";

                    Assert.True(expected.Subfields.Any(s => s.Value.Any(c => c < ' ')) == field.Indexed.AnyHasControlCharacter(), what);
                    Assert.True(Described(expected.Subfields).SequenceEqual(Indexed(field)), what);
                    Assert.True(expected.Subfields.SequenceEqual(field.Subfields), what);
                }
            }
        }
    }

    [Fact]
    public void Indexed_reads_of_a_field_built_in_code()
    {
        var field = new DataField("650", ' ', '0', [new('a', "Jazz"), new('x', ""), new('4', "prf"), new('a', "Tab\there")]);

        Assert.Equal(4, field.Indexed.Count);
        Assert.Equal("ax4a", string.Concat(Enumerable.Range(0, 4).Select(field.Indexed.Code)));
        Assert.Equal("prf", field.Indexed.Value(2));
        Assert.Equal("prf", field.Indexed.Value(2, stackalloc char[8]).ToString());
        Assert.True(field.Indexed.IsEmpty(1));
        Assert.False(field.Indexed.HasControlCharacter(0));
        Assert.True(field.Indexed.HasControlCharacter(3));
        Assert.True(field.Indexed.AnyHasControlCharacter());
        Assert.Equal((3, -1), (field.Indexed.IndexOf('a', 1), field.Indexed.IndexOf('z')));
        Assert.Equal(["Jazz", "Tab\there"], field.ValuesOf('a'));
        Assert.Equal("Jazz", field['a']);
        Assert.Null(field['z']);
    }

    [Fact]
    public void A_field_not_yet_decoded_is_decoded_once_when_threads_race_for_it()
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc"));
        using var reader = new Iso2709Reader(new MemoryStream(bytes));
        var record = reader.ReadFrame()!.Parse(new MarcRecordRecycler()).Record!;
        var fields = record.Fields.OfType<DataField>().ToList();

        var lists = new List<Subfield>[fields.Count, 4];
        Parallel.For(0, 4, thread =>
        {
            for (var i = 0; i < fields.Count; i++)
            {
                lists[i, thread] = fields[i].Subfields;
            }
        });

        for (var i = 0; i < fields.Count; i++)
        {
            Assert.All(Enumerable.Range(0, 4), thread => Assert.Same(lists[i, 0], lists[i, thread]));
            Assert.Equal(fields[i].Indexed.Count, lists[i, 0].Count);
        }
    }

    // One data field (245, indicators "10") holding these bytes, in a record whose leader/09 says the character set.
    private static byte[] RecordWithField(byte[] data, bool unicode)
    {
        var field = new List<byte> { (byte)'1', (byte)'0' };
        field.AddRange(data);
        field.Add(0x1E);
        var baseAddress = 24 + 12 + 1;
        var length = baseAddress + field.Count + 1;
        var text = $"{length:D5}nam {(unicode ? 'a' : ' ')}22{baseAddress:D5} a 4500245{field.Count:D4}00000";
        var bytes = new List<byte>(System.Text.Encoding.ASCII.GetBytes(text)) { 0x1E };
        bytes.AddRange(field);
        bytes.Add(0x1D);
        return [.. bytes];
    }

    // The value is read three ways: as a string, into a buffer it fits in, and with a buffer too small for most.
    private static List<string> Indexed(DataField field) =>
        [.. Enumerable.Range(0, field.Indexed.Count).Select(i =>
            $"{field.Indexed.Code(i)}|{field.Indexed.Value(i)}|{field.Indexed.Value(i, new char[256])}|{field.Indexed.Value(i, new char[3])}|{field.Indexed.IsEmpty(i)}|{field.Indexed.HasControlCharacter(i)}")];

    private static List<string> Described(List<Subfield> subfields) =>
        [.. subfields.Select(s => $"{s.Code}|{s.Value}|{s.Value}|{s.Value}|{s.Value.Length == 0}|{s.Value.Any(c => c < ' ')}")];
}
