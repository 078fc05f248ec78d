using System.Diagnostics;
using Marcgate.Marc;
using Marcgate.Marc.Iso2709;
using Marcgate.Marc.Tests.Formats;
using Marcgate.Marc.Xml;
using Marcgate.Tests;

namespace Marcgate.Marc.Tests.Golden;

/// <summary>The real peer reads our MARCXML: <c>yaz-marcdump -i marcxml -o marc</c> gives the same records as our own reader.</summary>
/// <remarks>yaz is installed by ./test.sh (Debian package <c>yaz</c>); without it these tests fail rather than pass vacuously.</remarks>
public sealed class YazCrossCheckTests
{
    public static TheoryData<string> ValidFiles =>
        [.. TestFiles.Iso2709Files("valid").Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Yaz_reads_our_marcxml_into_the_records_we_read(string file)
    {
        var records = Read.Iso2709(TestFiles.Marc("valid/" + file));
        var xml = Path.GetTempFileName();
        try
        {
            using (var stream = File.Create(xml))
            using (var writer = new MarcXmlWriter(stream))
            {
                foreach (var record in records)
                {
                    writer.Write(record);
                }

                writer.Complete();
            }

            var ours = Read.Xml(xml);
            var yaz = Read.Records(Iso2709Reader.ReadAll(RunYaz(xml)));
            Assert.Equal(ours.Count, yaz.Count);
            for (var i = 0; i < ours.Count; i++)
            {
                // yaz writes leader/20-23 as 4500 whatever was read (auth-subset100 has "45 0", sample1 a 0x02 there).
                RecordAssert.Equal(ours[i], yaz[i], compareLeader: false);
                Assert.Equal(ours[i].Leader.ToString()[5..12] + ours[i].Leader.ToString()[17..20], yaz[i].Leader.ToString()[5..12] + yaz[i].Leader.ToString()[17..20]);
            }
        }
        finally
        {
            File.Delete(xml);
        }
    }

    private static byte[] RunYaz(string xml)
    {
        var start = new ProcessStartInfo("yaz-marcdump", ["-i", "marcxml", "-o", "marc", xml])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("yaz-marcdump did not start (./test.sh installs the yaz package)");
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"yaz-marcdump exited {process.ExitCode}: {errors.Result}");
        return output.ToArray();
    }
}
