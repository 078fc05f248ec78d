using FsCheck.Xunit;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Marc.Tests.Properties;

/// <summary>write → read is the identity on every record ISO 2709 can carry.</summary>
[Properties(Arbitrary = [typeof(MarcRecordGenerators)])]
public sealed class Iso2709RoundTripProperties
{
    [Property(MaxTest = 200)]
    public void Written_records_read_back_strictly_equal_and_without_diagnostics(MarcRecord record)
    {
        Assert.NotEmpty(record.Fields);
        var bytes = Iso2709Writer.Write(record);
        var result = Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.StrictDefault));

        Assert.True(result.Diagnostics.Count == 0, string.Join("; ", result.Diagnostics));
        AssertSameRecord(record, result.Record!);
        Assert.Equal(bytes, Iso2709Writer.Write(result.Record!));
    }

    [Property(MaxTest = 200)]
    public void A_stream_of_written_records_reads_back_in_order(MarcRecord[] records)
    {
        using var stream = new MemoryStream();
        using (var writer = new Iso2709Writer(stream, leaveOpen: true))
        {
            foreach (var record in records)
            {
                writer.WriteRecord(record);
            }
        }

        var read = Iso2709Reader.ReadAll(stream.ToArray(), MarcReaderOptions.StrictDefault).ToList();
        Assert.Equal(records.Length, read.Count);
        for (var i = 0; i < records.Length; i++)
        {
            AssertSameRecord(records[i], read[i].Record!);
        }
    }

    [Property(MaxTest = 12)]
    public void Records_over_99999_bytes_read_back_equal_with_only_the_length_diagnostic(OversizeRecord oversize)
    {
        var bytes = Iso2709Writer.Write(oversize.Record);
        Assert.True(bytes.Length > 99_999);
        Assert.Equal("99999"u8.ToArray(), bytes[..5]);

        var result = Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.Default));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(MarcDiagnosticIds.RecordLengthMismatch, diagnostic.Id);
        AssertSameRecord(oversize.Record, result.Record!);
        Assert.Null(Assert.Single(Iso2709Reader.ReadAll(bytes, MarcReaderOptions.StrictDefault)).Record);
    }

    private static void AssertSameRecord(MarcRecord expected, MarcRecord actual)
    {
        // Leader/00-04 and 12-16 are computed by the writer.
        var leader = actual.Leader.ToString();
        Assert.Equal(expected.Leader.ToString()[5..12] + expected.Leader.ToString()[17..], leader[5..12] + leader[17..]);
        Assert.Equal(expected.Fields.Count, actual.Fields.Count);
        for (var i = 0; i < expected.Fields.Count; i++)
        {
            Assert.Equal(expected.Fields[i].ToString(), actual.Fields[i].ToString());
            if (expected.Fields[i] is DataField data)
            {
                Assert.Equal(data.Subfields, ((DataField)actual.Fields[i]).Subfields);
            }
        }
    }
}
