using Marcgate.Marc.Charset;
using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Charset;

/// <summary>The batch converter's in-place MARC-8 to Unicode conversion gives exactly what the copying one gives.</summary>
public sealed class MarcCharsetConverterInPlaceTests
{
    [Theory]
    [InlineData("valid")]
    [InlineData("invalid")]
    public void In_place_conversion_matches_ToUnicode_on_every_corpus_record(string folder)
    {
        var compared = 0;
        var utf8UnderBlankLeader = 0;
        foreach (var file in Directory.GetFiles(TestFiles.Marc(folder), "*.*").Where(f => !f.EndsWith(".xml", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            var originals = Iso2709Reader.ReadAll(bytes).Where(r => r.Record is { Leader.IsUnicode: false }).ToList();
            var owned = Iso2709Reader.ReadAll(bytes).Where(r => r.Record is { Leader.IsUnicode: false }).ToList();
            for (var i = 0; i < originals.Count; i++)
            {
                var expectedDiagnostics = new List<MarcDiagnostic>();
                var expected = MarcCharsetConverter.ToUnicode(originals[i].Record!, expectedDiagnostics, originals[i].RecordNumber);
                var actualDiagnostics = new List<MarcDiagnostic>();
                var actual = owned[i].Record!;
                MarcCharsetConverter.ToUnicodeInPlace(actual, actualDiagnostics, owned[i].RecordNumber);

                Assert.Equal(expected.Leader.ToString(), actual.Leader.ToString());
                Assert.Equal(expected.Fields.Select(f => f.ToString()), actual.Fields.Select(f => f.ToString()));
                Assert.Equal(expectedDiagnostics.Select(d => d.Message), actualDiagnostics.Select(d => d.Message));
                utf8UnderBlankLeader += actualDiagnostics.Count(d => d.Id == MarcDiagnosticIds.Utf8UnderMarc8Leader);
                compared++;
            }
        }

        Assert.True(compared > 0, $"no MARC-8 records in {folder}");
        Assert.True(folder != "valid" || utf8UnderBlankLeader > 0, "no UTF-8 record under a blank leader among the valid files");
    }
}
