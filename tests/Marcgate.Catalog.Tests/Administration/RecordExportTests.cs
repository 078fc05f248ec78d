using System.Text;
using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Tests.Import;
using Marcgate.Marc;
using Marcgate.Marc.Formats;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class RecordExportTests
{
    [Theory]
    [InlineData(MarcFormat.Iso2709)]
    [InlineData(MarcFormat.MarcXml)]
    [InlineData(MarcFormat.MarcJson)]
    [InlineData(MarcFormat.Mnemonic)]
    public async Task Every_current_record_is_written_and_reads_back(MarcFormat format)
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)1", "245 10 $aFirst"));
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)2", "245 10 $aSecond"));
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)1", "245 10 $aFirst, corrected"));
        using var output = new MemoryStream();

        var result = await new RecordExport(fixture.Store).ExportAsync(ImportFixture.Repository, format, output, default);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(2, result.Value);
        Assert.Equal("Exported 2 records of NETWORK.", result.Message);
        output.Position = 0;
        using var reader = MarcFormats.OpenReader(output, format, MarcReaderOptions.Default, out _);
        var titles = new List<string?>();
        while (reader.Read() is { Record: { } record })
        {
            titles.Add(record.GetDataFields("245").Single()['a']);
        }

        Assert.Equal(["First, corrected", "Second"], titles);
    }

    [Fact]
    public async Task An_empty_repository_exports_an_empty_document_and_an_unknown_one_nothing()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        using var output = new MemoryStream();
        var export = new RecordExport(fixture.Store);

        var empty = await export.ExportAsync(ImportFixture.Repository, MarcFormat.MarcXml, output, default);
        var unknown = await export.ExportAsync("NOPE", MarcFormat.MarcXml, new MemoryStream(), default);

        Assert.Equal(0, empty.Value);
        Assert.Contains("collection", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
        Assert.Equal(AdministrationStatus.NotFound, unknown.Status);
    }
}
