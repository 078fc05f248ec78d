using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>
/// Every ISO 2709 file of <c>testdata/marc/invalid</c>, read leniently and strictly. Offsets were
/// checked against the bytes (xxd) and against <c>yaz-marcdump -n -v</c>; see the data README for each flaw.
/// </summary>
public sealed class InvalidCorpusTests
{
    private const string Skipped = MarcDiagnosticIds.BytesSkipped;

    public static TheoryData<string, int, string> Expectations => new()
    {
        // 0x14 as leader/09, indicators and codes is data; `1F 1F` is a delimiter without a code.
        { "invalid/bad-characters-in-various-fields.mrc", 1, "MARC020@1:551" },
        // Leader all blank except length and base address: yaz assumes 2/2/450 as well.
        { "invalid/bad_leaders_10_11.mrc", 1, "MARC010@1:10" },
        // Record 2 (at 1571): 217-byte directory (byte 240 = '0' left over), 520 and 893 entries garbled by a 5-digit length.
        { "invalid/bad_oversize_field_bad_directory.mrc", 5, "MARC004@2:1811 MARC006@2:1787 MARC006@2:1799" },
        // pymarc's eight: base 99937, base 00000, 13-byte directory, 'ù' in the directory, base 'f0037', no fields; then "\n".
        { "invalid/bad_records.mrc", 8, "MARC003@2:139 MARC003@3:266 MARC004@4:417 MARC004@5:545 MARC005@5:533 MARC003@6:649 MARC004@7:788 MARC009@8:917" },
        // Record 1 is 123,375 bytes with leader length 23375; record 2 has leader/22 'x'.
        { "invalid/bad_too_long_plus_2.mrc", 3, "MARC002@1:0 MARC010@2:123397" },
        { "invalid/unordered-directory-entries.mrc", 1, string.Empty },
        // U+FFFD as a subfield code is well-formed UTF-8: a validation matter, not a codec one.
        { "invalid/utf8_invalid.mrc", 1, string.Empty },
        { "invalid/alphatag.dat", 1, string.Empty },
        // The "0 2" field starts with 0x1F at 325; 821 spaces follow the record terminator at 1158.
        { "invalid/bad_indicator.dat", 1, "MARC011@1:325 MARC009@1:1159" },
        { "invalid/bad_marc8_escape.dat", 1, string.Empty },
        // 'á' as a subfield code counted as one character: every field after 245 starts one byte later.
        { "invalid/bad_subfield_code.dat", 1, "MARC002@1:0 MARC019@1:156 MARC019@1:168 MARC019@1:180 MARC019@1:192 MARC019@1:204 MARC019@1:216 MARC019@1:228" },
        // Directory terminator 0x1F at 144 (yaz: "Directory offset 144"), then "\n".
        { "invalid/baddir.usmarc", 1, "MARC004@1:144 MARC009@1:382" },
        // Indicator '-' is a validation matter; the trailing "\n" is the only codec finding.
        { "invalid/badind.usmarc", 1, "MARC009@1:240" },
        // A lone 0x1D at 472 (empty record) and a stray '7' at 1717 after the last record.
        { "invalid/badldr.usmarc", 6, "MARC009@3:472 MARC009@6:1717" },
        // 0x1A before records 2, 5 and 8.
        { "invalid/cameleof.usmarc", 10, "MARC009@2:755 MARC009@5:2587 MARC009@8:4633" },
        // Lengths counted in characters: 110 is 53 bytes, not 51, and every later field starts 2 bytes late.
        { "invalid/marc_with_bad_utf8.utf8.marc", 1, "MARC002@1:0 MARC019@1:96 MARC019@1:108 MARC019@1:120 MARC019@1:132 MARC019@1:144 MARC019@1:156 MARC019@1:168 MARC019@1:180 MARC019@1:192 MARC019@1:204 MARC019@1:216 MARC019@1:228 MARC019@1:240 MARC019@1:252 MARC019@1:264 MARC019@1:276 MARC009@1:1163" },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Lenient_reading_recovers_every_record_with_the_expected_diagnostics(string file, int records, string expected)
    {
        var reading = CorpusReading.Read(file, MarcReaderOptions.Default);

        Assert.Equal(records, reading.Results.Count);
        Assert.All(reading.Results, r => Assert.NotNull(r.Record));
        Assert.Equal(Parse(expected), reading.Tuples().Select(t => $"{t.Id}@{t.Record}:{t.Offset}"));
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Strict_reading_rejects_with_the_same_diagnostics(string file, int records, string expected)
    {
        var reading = CorpusReading.Read(file, MarcReaderOptions.StrictDefault);

        Assert.Equal(records, reading.Results.Count);
        Assert.Equal(Parse(expected), reading.Tuples().Select(t => $"{t.Id}@{t.Record}:{t.Offset}"));
        Assert.All(reading.Results.SelectMany(r => r.Diagnostics).Concat(reading.EndDiagnostics), d => Assert.Equal(MarcSeverity.Error, d.Severity));
        foreach (var result in reading.Results)
        {
            Assert.Equal(result.Diagnostics.Count == 0, result.Record is not null);
        }
    }

    [Fact]
    public void Baddir_recovers_the_title_and_the_001_behind_a_0x1F_directory_terminator()
    {
        var record = CorpusReading.Read("invalid/baddir.usmarc", MarcReaderOptions.Default).Record(1);

        Assert.Equal("Green Eggs and Ham", ((DataField)record["245"]!)['a']);
        Assert.Equal("    2000932", record.GetControlValue("001"));
        Assert.Equal(10, record.Fields.Count);
    }

    [Fact]
    public void Oversize_record_with_a_lying_leader_is_taken_up_to_its_record_terminator()
    {
        var reading = CorpusReading.Read("invalid/bad_too_long_plus_2.mrc", MarcReaderOptions.Default);

        Assert.Equal(0, reading.Results[0].ByteOffset);
        Assert.Equal(123_375, reading.Results[1].ByteOffset);
        Assert.Equal("360944", reading.Record(1).GetControlValue("001"));
        Assert.Equal("Reports and memoranda.", ((DataField)reading.Record(1)["245"]!)['a']);
        Assert.Equal("360946", reading.Record(3).GetControlValue("001"));
    }

    [Fact]
    public void Garbled_directory_entries_are_recovered_by_position_and_reported_as_errors()
    {
        var reading = CorpusReading.Read("invalid/bad_oversize_field_bad_directory.mrc", MarcReaderOptions.Default);
        var record = reading.Record(2);

        Assert.True(reading.Results[1].HasErrors);
        Assert.Equal(18, record.Fields.Count);
        var summary = (DataField)record["520"]!;
        Assert.StartsWith("Kollektive Identität", summary['a'], StringComparison.Ordinal);
        Assert.Equal("druck", ((DataField)record.Fields[^1])['b']);
        Assert.All(new[] { 1, 3, 4, 5 }, n => Assert.Empty(reading.Results[n - 1].Diagnostics));
    }

    [Fact]
    public void Character_counted_directory_is_resynchronised_on_field_terminators()
    {
        var subfieldCode = CorpusReading.Read("invalid/bad_subfield_code.dat", MarcReaderOptions.Default).Record(1);
        Assert.Equal("New York :", ((DataField)subfieldCode["260"]!)['a']);
        Assert.Equal(["Active server pages.", "ActiveX."], subfieldCode.GetDataFields("630").Select(f => f['a']!));

        var badUtf8 = CorpusReading.Read("invalid/marc_with_bad_utf8.utf8.marc", MarcReaderOptions.Default).Record(1);
        Assert.Equal("Ten years at NIH :", ((DataField)badUtf8["245"]!)['a']);
        Assert.Equal("elsc", badUtf8.GetDataFields("991").Last()['m']);
        Assert.DoesNotContain(badUtf8.Fields.OfType<DataField>().SelectMany(f => f.Subfields), s => s.Value.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public void Dos_end_of_file_marks_do_not_change_the_records()
    {
        var eof = CorpusReading.Read("invalid/cameleof.usmarc", MarcReaderOptions.Default);
        var camel = CorpusReading.Read("valid/camel.usmarc", MarcReaderOptions.Default);

        Assert.Equal(
            camel.Results.Select(r => Marc.Iso2709.Iso2709Writer.Write(r.Record!)),
            eof.Results.Select(r => Marc.Iso2709.Iso2709Writer.Write(r.Record!)));
    }

    [Fact]
    public void Unordered_directory_entries_are_valid_and_keep_directory_order()
    {
        var record = CorpusReading.Read("invalid/unordered-directory-entries.mrc", MarcReaderOptions.StrictDefault).Record(1);

        Assert.Equal(["9781561457953 (lib. bdg.) :", "1561457957 (lib. bdg.) :"], record.GetDataFields("020").Select(f => f['a']!));
        Assert.Equal(["Parrots.", "Parrots"], record.GetDataFields("650").Select(f => f['a']!));
    }

    [Fact]
    public void Missing_indicators_become_blanks_and_subfields_are_kept()
    {
        var field = (DataField)CorpusReading.Read("invalid/bad_indicator.dat", MarcReaderOptions.Default).Record(1)["0 2"]!;

        Assert.Equal((' ', ' '), (field.Indicator1, field.Indicator2));
        Assert.Equal("9780253325525 (alk. paper)", field['a']);
    }

    [Fact]
    public void Pymarc_bad_records_each_yield_their_title_except_the_empty_one()
    {
        var reading = CorpusReading.Read("invalid/bad_records.mrc", MarcReaderOptions.Default);

        Assert.Equal([1, 1, 1, 1, 1, 1, 0, 1], reading.Results.Select(r => r.Record!.Fields.Count));
        Assert.True(reading.Results[4].HasErrors);
        Assert.All(reading.Results.Where(r => r.Record!.Fields.Count == 1), r => Assert.Equal("The pragmatic programmer : ", ((DataField)r.Record!["245"]!)['a']));
    }

    private static string[] Parse(string expected) => expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
