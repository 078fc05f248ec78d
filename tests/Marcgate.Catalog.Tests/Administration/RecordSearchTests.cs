using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Storage;
using Marcgate.Catalog.Tests.Import;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class RecordSearchTests
{
    private static async Task<ImportFixture> CatalogAsync()
    {
        var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        await fixture.SendAsync(RecordBuilder.Bib(' ', "020 ## $a0-316-76948-7 (pbk.)", "035 ## $a(OCoLC)1", "245 14 $aThe Catcher in the Rye /$cJ.D. Salinger."));
        await fixture.SendAsync(RecordBuilder.Bib(' ', "020 ## $a9780804429573", "035 ## $a(OCoLC)2", "245 10 $aFranny and Zooey."));
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)3", "245 10 $aNine stories /$cSalinger."));
        return fixture;
    }

    [Fact]
    public async Task Titles_are_found_by_any_part_of_245_ignoring_case()
    {
        await using var fixture = await CatalogAsync();
        var search = new RecordSearch(fixture.Store);

        var rye = await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { Title = "catcher IN" }, default);
        var salinger = await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { Title = "salinger" }, default);
        var limited = await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { Title = "salinger", Limit = 1 }, default);

        Assert.Equal([new OclcNumber(1)], Assert.Single(rye.Value!).OclcNumbers);
        Assert.Equal(2, salinger.Value!.Count);
        Assert.Single(limited.Value!);
    }

    [Fact]
    public async Task Isbn_10_and_13_find_each_other_and_criteria_combine()
    {
        await using var fixture = await CatalogAsync();
        var search = new RecordSearch(fixture.Store);

        var by13 = await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { Isbn = "978-0-316-76948-8" }, default);
        var by10 = await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { Isbn = "080442957X" }, default);
        var byOclc = await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { OclcNumber = new OclcNumber(3) }, default);
        var both = await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { OclcNumber = new OclcNumber(3), Title = "franny" }, default);

        Assert.Equal([new OclcNumber(1)], Assert.Single(by13.Value!).OclcNumbers);
        Assert.Equal([new OclcNumber(2)], Assert.Single(by10.Value!).OclcNumbers);
        Assert.Equal([new OclcNumber(3)], Assert.Single(byOclc.Value!).OclcNumbers);
        Assert.Empty(both.Value!);
    }

    [Fact]
    public async Task A_search_needs_a_criterion_a_readable_isbn_and_an_existing_repository()
    {
        await using var fixture = await CatalogAsync();
        var search = new RecordSearch(fixture.Store);

        Assert.Equal(AdministrationStatus.Refused, (await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery(), default)).Status);
        Assert.Equal(AdministrationStatus.Refused, (await search.SearchAsync(ImportFixture.Repository, new RecordSearchQuery { Isbn = "12" }, default)).Status);
        Assert.Equal(AdministrationStatus.NotFound, (await search.SearchAsync("NOPE", new RecordSearchQuery { Title = "x" }, default)).Status);
    }
}
