using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>Every ISO 2709 file of <c>testdata/marc/valid</c>: no errors, the known real-world flaws as warnings, byte-identical round trips.</summary>
public sealed class ValidCorpusTests
{
    public static TheoryData<string, int, string> Files => new()
    {
        { "valid/100.mrc", 100, string.Empty },
        { "valid/CornellFOLIOExemplars.mrc", 62, string.Empty },
        { "valid/FSL.marc", 52, string.Empty },
        // IISH Aleph export: leader/20-23 "45 0" (16 records) and "45Y0" (record 4); yaz: "Length implementation at offset 22".
        { "valid/auth-subset100.mrc", 17, "MARC010×17" },
        { "valid/authority-record.mrc", 1, string.Empty },
        { "valid/brkrtest.mrc", 8, string.Empty },
        { "valid/brkrtest_UTF8.mrc", 8, string.Empty },
        { "valid/camel.usmarc", 10, string.Empty },
        { "valid/chabon.mrc", 2, string.Empty },
        { "valid/cjk1.marc", 1, string.Empty },
        { "valid/cjk2.marc", 1, string.Empty },
        { "valid/cjk3.marc", 1, string.Empty },
        { "valid/cjk4.marc", 1, string.Empty },
        { "valid/cyrillic.marc", 1, string.Empty },
        { "valid/diacritic.dat", 1, string.Empty },
        { "valid/diacritic4.mrc", 1, string.Empty },
        { "valid/hebrew1.marc", 1, string.Empty },
        { "valid/hebrew2.marc", 1, string.Empty },
        { "valid/hebrew3.marc", 1, string.Empty },
        { "valid/hebrew4.marc", 1, string.Empty },
        { "valid/how-to-program-a-computer.marc", 1, string.Empty },
        // Five 100 fields end "$d1924-2007.\x1F\x1E": a delimiter with no code (records 383, 473, 474, 640, 788).
        { "valid/jazz_1k.mrc", 1000, "MARC020×5" },
        { "valid/lul_fre_500.mrc", 500, string.Empty },
        { "valid/manden.marc", 1, string.Empty },
        { "valid/marc8.dat", 1, string.Empty },
        // Record 16: 260 has a space between its indicators and its first delimiter.
        { "valid/nepali.marc", 96, "MARC016×1" },
        { "valid/oclc_63111280_export_as_UTF8_from_connexion.mrc", 1, string.Empty },
        // Leader/22 holds 0x02 or 0x01 in three records; record 7 has the 5-byte sequence F8 BF BF BF B9.
        { "valid/sample1.mrc", 8, "MARC010×3 MARC012×1" },
        { "valid/summerland.mrc", 1, string.Empty },
        { "valid/utf8_with_leader_flag.dat", 1, string.Empty },
        { "valid/utf8_without_leader_flag.dat", 1, string.Empty },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_without_errors_and_only_the_known_warnings(string file, int records, string warnings)
    {
        var reading = CorpusReading.Read(file, MarcReaderOptions.Default);

        Assert.Equal(records, reading.Results.Count);
        Assert.Empty(reading.EndDiagnostics);
        Assert.DoesNotContain(reading.Results, r => r.HasErrors || r.Record is null);
        var found = reading.Results.SelectMany(r => r.Diagnostics).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}");
        Assert.Equal(warnings, string.Join(' ', found));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Records_without_diagnostics_round_trip_byte_for_byte(string file, int records, string warnings)
    {
        _ = (records, warnings);
        var bytes = File.ReadAllBytes(TestFiles.Marc(file));
        foreach (var result in CorpusReading.Read(bytes, MarcReaderOptions.Default).Results)
        {
            var written = Iso2709Writer.Write(result.Record!);
            if (result.Diagnostics.Count == 0 && !file.EndsWith("how-to-program-a-computer.marc", StringComparison.Ordinal))
            {
                Assert.Equal(bytes.AsSpan((int)result.ByteOffset, written.Length).ToArray(), written);
            }

            // What the writer makes reads back clean and writes again identically.
            var again = Assert.Single(Iso2709Reader.ReadAll(written, MarcReaderOptions.StrictDefault));
            Assert.Empty(again.Diagnostics);
            Assert.Equal(written, Iso2709Writer.Write(again.Record!));
        }
    }

    [Fact]
    public void Data_stored_out_of_directory_order_is_kept_but_written_in_directory_order()
    {
        // The 010 entry points past the 300 field's data (offset 179 of 179 + 17): valid ISO 2709, so
        // the record is equal but not byte-identical once written (the model keeps field order, not data layout).
        var bytes = File.ReadAllBytes(TestFiles.Marc("valid/how-to-program-a-computer.marc"));
        var record = Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.StrictDefault)).Record!;
        var written = Iso2709Writer.Write(record);

        Assert.Equal(bytes.Length, written.Length);
        Assert.NotEqual(bytes, written);
        Assert.Equal(["001", "003", "005", "008", "010", "040", "050", "100", "245", "260", "263", "300"], record.Fields.Select(f => f.Tag));
        Assert.Equal("   11224466 ", ((DataField)record["010"]!)['a']);
    }

    [Fact]
    public void Jazz_records_differ_after_writing_only_by_the_codeless_delimiters()
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc("valid/jazz_1k.mrc"));
        var flawed = new List<long>();
        foreach (var result in CorpusReading.Read(bytes, MarcReaderOptions.Default).Results.Where(r => r.Diagnostics.Count > 0))
        {
            flawed.Add(result.RecordNumber);
            var written = Iso2709Writer.Write(result.Record!);
            var length = int.Parse(System.Text.Encoding.ASCII.GetString(bytes, (int)result.ByteOffset, 5), System.Globalization.CultureInfo.InvariantCulture);
            var original = bytes.AsSpan((int)result.ByteOffset, length);
            Assert.Equal(length - 1, written.Length);
            var cut = (int)(result.Diagnostics[0].ByteOffset - result.ByteOffset);
            Assert.Equal(0x1F, original[cut]);
            // Same bytes after the leader and directory apart from the one dropped 0x1F.
            var baseAddress = int.Parse(System.Text.Encoding.ASCII.GetString(bytes, (int)result.ByteOffset + 12, 5), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal([.. original[baseAddress..cut], .. original[(cut + 1)..]], written.AsSpan(baseAddress).ToArray());
        }

        Assert.Equal([383, 473, 474, 640, 788], flawed);
    }
}
