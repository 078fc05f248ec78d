using System.Text;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>Recoveries the test corpus does not exercise, on records built byte by byte.</summary>
public sealed class RecoveryTests
{
    private static readonly MarcRecord s_first = new(new Leader("00000nam a2200000 a 4500"), [new ControlField("001", "first"), new DataField("245", '1', '0', [new Subfield('a', "One")])]);
    private static readonly MarcRecord s_second = new(new Leader("00000nam a2200000 a 4500"), [new ControlField("001", "second")]);

    [Fact]
    public void A_missing_record_terminator_is_found_from_the_next_leader()
    {
        // Leader length counts no terminator, and none is there: the next leader starts where it says.
        var first = Iso2709Writer.Write(s_first)[..^1];
        SetLength(first, first.Length);
        var reading = CorpusReading.Read([.. first, .. Iso2709Writer.Write(s_second)], MarcReaderOptions.Default);

        Assert.Equal(2, reading.Results.Count);
        Assert.Equal([(MarcDiagnosticIds.RecordTerminatorMissing, 1L, (long)first.Length)], reading.Tuples());
        Assert.Equal("One", ((DataField)reading.Record(1)["245"]!)['a']);
        Assert.Equal(first.Length, reading.Results[1].ByteOffset);
        Assert.Equal("second", reading.Record(2).GetControlValue("001"));
    }

    [Fact]
    public void A_leader_length_too_long_is_corrected_by_the_record_terminator()
    {
        var first = Iso2709Writer.Write(s_first);
        SetLength(first, first.Length + 40);
        var reading = CorpusReading.Read([.. first, .. Iso2709Writer.Write(s_second)], MarcReaderOptions.Default);

        Assert.Equal([(MarcDiagnosticIds.RecordLengthMismatch, 1L, 0L)], reading.Tuples());
        Assert.Equal("second", reading.Record(2).GetControlValue("001"));
    }

    [Fact]
    public void A_field_written_without_its_terminator_is_taken_by_its_directory_length()
    {
        // 001 "abc" has no 0x1E and its directory length (3) does not count one; 245 follows at 3.
        var bytes = Assemble(("001", "abc"u8.ToArray(), 3), ("245", "10\u001FaTitle\u001E"u8.ToArray(), null));
        var result = Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.Default));

        Assert.True(result.Diagnostics.Count == 1, string.Join("; ", result.Diagnostics));
        var diagnostic = result.Diagnostics[0];
        Assert.Equal(MarcDiagnosticIds.FieldTerminatorMissing, diagnostic.Id);
        Assert.Equal(24 + 24 + 1 + 3, diagnostic.ByteOffset);
        Assert.Equal("abc", result.Record!.GetControlValue("001"));
        Assert.Equal("Title", ((DataField)result.Record["245"]!)['a']);
    }

    [Fact]
    public void A_cut_off_file_reports_the_unexpected_end_and_keeps_what_is_whole()
    {
        var whole = Iso2709Writer.Write(s_first);
        var bytes = whole[..^5];
        var lenient = Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.Default));

        Assert.Equal(MarcDiagnosticIds.UnexpectedEnd, lenient.Diagnostics[0].Id);
        Assert.Equal(bytes.Length, lenient.Diagnostics[0].ByteOffset);
        Assert.True(lenient.HasErrors);
        Assert.Equal("first", lenient.Record!.GetControlValue("001"));
        Assert.Null(Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.StrictDefault)).Record);
    }

    [Fact]
    public void A_multibyte_utf8_indicator_is_one_indicator()
    {
        // yaz-golden marc0: the 092's second indicator is 'á' (C3 A1); yaz reads it as one character too.
        var bytes = File.ReadAllBytes(TestFiles.Marc("yaz-golden/marc0.marc"));
        var result = Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.StrictDefault));

        Assert.Empty(result.Diagnostics);
        Assert.Equal('á', ((DataField)result.Record!["092"]!).Indicator2);
        Assert.Equal(bytes, Iso2709Writer.Write(result.Record));
    }

    [Fact]
    public void Non_digit_leader_length_and_base_address_are_recovered()
    {
        var bytes = Iso2709Writer.Write(s_first);
        "abcde"u8.CopyTo(bytes);
        "zzzzz"u8.CopyTo(bytes.AsSpan(12));

        var result = Assert.Single(Iso2709Reader.ReadAll([.. "\n"u8, .. bytes], MarcReaderOptions.Default));

        Assert.Equal([MarcDiagnosticIds.BytesSkipped, MarcDiagnosticIds.RecordLengthMismatch, MarcDiagnosticIds.BaseAddressInvalid], result.Diagnostics.Select(d => d.Id));
        Assert.Equal("One", ((DataField)result.Record!["245"]!)['a']);
    }

    private static void SetLength(byte[] record, int length) => Encoding.ASCII.GetBytes(length.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).CopyTo(record, 0);

    // Builds a record from raw field bytes; a directory length of null means the bytes' own length.
    private static byte[] Assemble(params (string Tag, byte[] Data, int? Length)[] fields)
    {
        var directory = new StringBuilder();
        var data = new List<byte>();
        foreach (var (tag, bytes, length) in fields)
        {
            directory.Append(tag).Append((length ?? bytes.Length).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(data.Count.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
            data.AddRange(bytes);
        }

        var baseAddress = 24 + directory.Length + 1;
        var total = baseAddress + data.Count + 1;
        var leader = $"{total:D5}nam a22{baseAddress:D5} a 4500";
        return [.. Encoding.ASCII.GetBytes(leader + directory), 0x1E, .. data, 0x1D];
    }
}
