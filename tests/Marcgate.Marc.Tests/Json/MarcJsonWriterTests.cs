using System.Text;
using System.Text.Json;
using Marcgate.Marc;
using Marcgate.Marc.Json;
using Marcgate.Marc.Tests.Formats;

namespace Marcgate.Marc.Tests.Json;

public sealed class MarcJsonWriterTests
{
    [Theory]
    [InlineData("valid/100.mrc")]
    [InlineData("valid/CornellFOLIOExemplars.mrc")]
    [InlineData("valid/nepali.marc")]
    [InlineData("invalid/bad-characters-in-various-fields.mrc")]
    public void Written_json_reads_back_to_the_same_records(string file)
    {
        var records = Read.Iso2709(Read.Corpus(file));
        var back = Read.Records(MarcJsonReader.ReadAll(Write(records), MarcReaderOptions.StrictDefault));
        Assert.Equal(records.Count, back.Count);
        for (var i = 0; i < records.Count; i++)
        {
            RecordAssert.Equal(records[i], back[i], ignoreLeader09: true);
        }
    }

    [Fact]
    public void Each_line_is_one_json_document_in_the_marc_in_json_layout_of_the_test_corpus()
    {
        var records = Read.Iso2709(Read.Corpus("valid/summerland.mrc"));
        var line = Encoding.UTF8.GetString(Write(records)).TrimEnd('\n');
        Assert.DoesNotContain('\n', line);
        using var document = JsonDocument.Parse(line);
        var fields = document.RootElement.GetProperty("fields");
        Assert.Equal("00714cam a2200205 a 4500", document.RootElement.GetProperty("leader").GetString());
        var title = fields.EnumerateArray().Single(f => f.TryGetProperty("245", out _)).GetProperty("245");
        Assert.Equal("1", title.GetProperty("ind1").GetString());
        Assert.Equal("Summerland /", title.GetProperty("subfields")[0].GetProperty("a").GetString());
    }

    internal static byte[] Write(IEnumerable<MarcRecord> records)
    {
        using var memory = new MemoryStream();
        using (var writer = new MarcJsonWriter(memory, leaveOpen: true))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return memory.ToArray();
    }
}
