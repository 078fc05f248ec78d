using Marcgate.Marc.Iso2709;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Iso2709;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData("valid/summerland.mrc")]
    [InlineData("valid/chabon.mrc")]
    [InlineData("valid/camel.usmarc")]
    [InlineData("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc")]
    [InlineData("valid/manden.marc")]
    [InlineData("valid/100.mrc")]
    public void Well_formed_file_reads_and_writes_back_byte_for_byte(string file)
    {
        var bytes = File.ReadAllBytes(TestFiles.Marc(file));
        using var output = new MemoryStream();
        foreach (var result in Iso2709Reader.ReadAll(bytes, MarcReaderOptions.StrictDefault))
        {
            Assert.Empty(result.Diagnostics);
            output.Write(Iso2709Writer.Write(result.Record!));
        }

        Assert.Equal(bytes, output.ToArray());
    }
}
