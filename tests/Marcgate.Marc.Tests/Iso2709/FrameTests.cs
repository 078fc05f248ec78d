using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>Framing then parsing, possibly on other threads, gives exactly what reading does.</summary>
public sealed class FrameTests
{
    public static TheoryData<string> CorpusFiles() =>
        [.. ((string[])["valid", "invalid"]).SelectMany(folder => TestFiles.Iso2709Files(folder).Select(path => $"{folder}/{Path.GetFileName(path)}"))];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Frames_parsed_out_of_order_on_other_threads_read_the_same(string relative)
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc(relative));
        foreach (var options in (MarcReaderOptions[])[MarcReaderOptions.Default, MarcReaderOptions.StrictDefault])
        {
            var read = Describe(CorpusReading.Read(bytes, options));

            using var reader = new Iso2709Reader(new MemoryStream(bytes), options);
            var frames = new List<Iso2709Frame>();
            while (reader.ReadFrame() is { } frame)
            {
                frames.Add(frame);
            }

            var results = new MarcReadResult[frames.Count];
            Parallel.For(0, frames.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[frames.Count - 1 - i] = frames[frames.Count - 1 - i].Parse());
            var framed = Describe(new CorpusReading(results, reader.EndDiagnostics));

            Assert.Equal(read, framed);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Frames_stored_in_one_shared_buffer_read_the_same(string relative)
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc(relative));
        var read = Describe(CorpusReading.Read(bytes, MarcReaderOptions.Default));

        // A small store that fills up: later frames go to a new array while earlier ones keep theirs.
        var store = new byte[4096];
        var used = 0;
        var asked = new List<int>();
        Memory<byte> Store(int length)
        {
            asked.Add(length);
            if (store.Length - used < length)
            {
                store = new byte[Math.Max(store.Length, length)];
                used = 0;
            }

            used += length;
            return store.AsMemory(used - length, length);
        }

        using var reader = new Iso2709Reader(new MemoryStream(bytes));
        var frames = new List<Iso2709Frame>();
        while (reader.ReadFrame(Store) is { } frame)
        {
            frames.Add(frame);
        }

        var framed = Describe(new CorpusReading([.. frames.Select(frame => frame.Parse())], reader.EndDiagnostics));

        Assert.Equal(read, framed);
        Assert.Equal(frames.Where(frame => !frame.Bytes.IsEmpty).Select(frame => frame.Bytes.Length), asked);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Frames_parsed_into_recycled_records_read_the_same(string relative)
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc(relative));
        foreach (var options in (MarcReaderOptions[])[MarcReaderOptions.Default, MarcReaderOptions.StrictDefault])
        {
            var read = Describe(CorpusReading.Read(bytes, options));

            // Each record is described, then given back: the next one is read into its record and fields.
            var recycler = new MarcRecordRecycler();
            var lines = new List<string>();
            var seen = new HashSet<MarcField>(ReferenceEqualityComparer.Instance);
            var reused = 0;
            using var reader = new Iso2709Reader(new MemoryStream(bytes), options);
            while (reader.ReadFrame() is { } frame)
            {
                var result = frame.Parse(recycler);
                lines.AddRange(Describe(new CorpusReading([result], [])));
                if (result.Record is { } record)
                {
                    reused += record.Fields.Count(field => !seen.Add(field));
                    recycler.Return(record);
                }
            }

            lines.AddRange(reader.EndDiagnostics.Select(d => d.ToString()));
            Assert.Equal(read, lines);
            if (read.Count(line => line.Contains('@', StringComparison.Ordinal) && !line.EndsWith("rejected", StringComparison.Ordinal)) > 1)
            {
                Assert.True(reused > 0, "later records reuse the fields of earlier ones");
            }
        }
    }

    [Fact]
    public void Records_of_different_shapes_read_into_one_recycled_record_read_the_same()
    {
        // A recycled record keeps its fields and the next record fills them again where they stand: here a data field
        // stands where a control field is needed and the reverse, records grow and shrink, and one has no directory.
        var files = (string[])["valid/authority-record.mrc", "valid/summerland.mrc", "valid/oclc_63111280_export_as_UTF8_from_connexion.mrc",
            "valid/auth-subset100.mrc", "valid/chabon.mrc", "invalid/baddir.usmarc", "invalid/bad_records.mrc", "valid/cjk1.marc", "valid/summerland.mrc"];
        // A record with no directory terminator is read with no fields, after records that had some.
        var noDirectory = "00025nam a2200025   4500\u001d"u8.ToArray();
        var bytes = files.SelectMany(file => File.ReadAllBytes(TestFiles.Marc(file)).Concat(noDirectory)).ToArray();
        var read = Describe(CorpusReading.Read(bytes, MarcReaderOptions.Default));
        Assert.Contains(read, line => line.Contains("no field can be located", StringComparison.Ordinal));

        var recycler = new MarcRecordRecycler();
        var lines = new List<string>();
        using var reader = new Iso2709Reader(new MemoryStream(bytes));
        while (reader.ReadFrame() is { } frame)
        {
            var result = frame.Parse(recycler);
            lines.AddRange(Describe(new CorpusReading([result], [])));
            if (result.Record is { } record)
            {
                recycler.Return(record);
            }
        }

        lines.AddRange(reader.EndDiagnostics.Select(d => d.ToString()));
        Assert.Equal(read, lines);
    }

    [Fact]
    public void A_frame_store_that_gives_too_little_is_refused()
    {
        using var reader = new Iso2709Reader(new MemoryStream(File.ReadAllBytes(TestFiles.Marc("valid/summerland.mrc"))));

        var refused = Assert.Throws<ArgumentException>(() => reader.ReadFrame(length => new byte[length - 1]));
        Assert.Contains("for a record of", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_is_parsed_once()
    {
        using var reader = new Iso2709Reader(new MemoryStream(File.ReadAllBytes(TestFiles.Marc("valid/summerland.mrc"))));
        var frame = reader.ReadFrame()!;

        Assert.Equal((1L, 0L), (frame.RecordNumber, frame.ByteOffset));
        Assert.NotNull(frame.Parse().Record);
        Assert.Throws<InvalidOperationException>(() => frame.Parse());
        Assert.Null(reader.ReadFrame());
    }

    [Fact]
    public void A_record_rejected_while_framing_has_no_bytes_and_no_record()
    {
        var endless = new byte[10_000];
        endless.AsSpan().Fill((byte)'7');
        "00100nam a2200037 a 4500"u8.CopyTo(endless);
        using var reader = new Iso2709Reader(new MemoryStream(endless), MarcReaderOptions.Default with { MaxRecordBytes = 4_096 });

        var frame = reader.ReadFrame()!;
        var result = frame.Parse();

        Assert.True(frame.Bytes.IsEmpty);
        Assert.Null(result.Record);
        Assert.Equal(MarcDiagnosticIds.LimitExceeded, Assert.Single(result.Diagnostics).Id);
    }

    private static List<string> Describe(CorpusReading reading)
    {
        var lines = new List<string>();
        foreach (var result in reading.Results)
        {
            lines.Add($"{result.RecordNumber}@{result.ByteOffset}: {(result.Record is null ? "rejected" : $"{result.Record.Leader} {string.Join(" | ", result.Record.Fields)}")}");
            lines.AddRange(result.Diagnostics.Select(d => d.ToString()));
        }

        lines.AddRange(reading.EndDiagnostics.Select(d => d.ToString()));
        return lines;
    }
}
