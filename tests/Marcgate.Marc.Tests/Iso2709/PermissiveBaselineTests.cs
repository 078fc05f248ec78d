namespace Marcgate.Marc.Tests.Iso2709;

/// <summary>
/// <c>pride-and-prejudice-with-many-errors.mrc</c> against marc4j's permissive result
/// <c>pride-and-prejudice-fixed.mrc</c>, compared ignoring the leader as marc4j does.
/// </summary>
/// <remarks>
/// marc4j also rewrites content (XML entities such as <c>&amp;apos;</c> decoded, upper-case subfield
/// codes lowered, MARC-8 bytes converted); that is not the codec's business, so only the records whose
/// structure was broken are compared, with entities decoded on both sides.
/// </remarks>
public sealed class PermissiveBaselineTests
{
    [Fact]
    public void Every_structurally_broken_record_is_recovered_like_marc4j()
    {
        var broken = CorpusReading.Read("invalid/pride-and-prejudice-with-many-errors.mrc", MarcReaderOptions.Default);
        var fixedFile = CorpusReading.Read("invalid/pride-and-prejudice-fixed.mrc", MarcReaderOptions.StrictDefault);
        Assert.Equal(383, broken.Results.Count);
        Assert.Equal(383, fixedFile.Results.Count);
        Assert.DoesNotContain(broken.Results, r => r.HasErrors);

        var recovered = broken.Results.Where(r => r.Diagnostics.Any(d => d.Id == MarcDiagnosticIds.DirectoryMalformed)).ToList();
        Assert.Equal(16, recovered.Count);
        foreach (var result in recovered)
        {
            var expected = Lines(fixedFile.Record((int)result.RecordNumber));
            var actual = Lines(result.Record!);
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < actual.Length; i++)
            {
                // A U+FFFD is a MARC-8 byte under leader/09 'a' that marc4j converted (MARC012, a charset matter).
                if (!actual[i].Contains('\uFFFD', StringComparison.Ordinal))
                {
                    Assert.Equal(expected[i], actual[i]);
                }
            }
        }
    }

    private static string[] Lines(MarcRecord record) => [.. record.Fields.Select(f => System.Net.WebUtility.HtmlDecode(f.ToString()) ?? string.Empty)];
}
