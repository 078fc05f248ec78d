using Marcgate.Catalog.Import;
using Marcgate.Gateway;
using Marcgate.Validation;

namespace Marcgate.Catalog.Tests.Import;

// Many connections importing the same OCLC number at once never create two records.
public sealed class ConcurrentImportTests
{
    [Fact]
    public async Task Concurrent_imports_of_one_oclc_number_make_one_record()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)7", "245 10 $aWarm-up"));
        const int Clients = 16;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(() =>
            fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)ocm00000042", $"245 10 $aEdition {i % 4}")))));

        Assert.All(outcomes, o => Assert.True(o.Ok, $"{o.Code}: {o.Message}"));
        Assert.Single(outcomes.Select(o => o.RecordId).Distinct());
        Assert.Single(outcomes, o => o.Action == GatewayReplyCodes.Added);
        Assert.Equal(2, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
        var history = await fixture.HistoryAsync(outcomes[0].RecordId!);
        Assert.Equal(outcomes.Count(o => o.Action != GatewayReplyCodes.Unchanged), history.Count);
    }

    [Fact]
    public async Task Two_pipelines_over_one_store_retry_their_conflicts_and_make_one_record()
    {
        // Two pipelines share no in-process locks, like two host processes: the store's conflicts and the retry decide.
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        var other = new GatewayImportService(fixture.Store, MarcValidator.Instance);
        var services = new[] { fixture.Service, other };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            services[i % 2].ImportAsync(
                new ImportRequest(ImportFixture.LogonId, ImportFixture.Password, null, ImportFixture.Peer, services[i % 2].Read(Marcgate.Marc.Iso2709.Iso2709Writer.Write(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)43", $"245 10 $aCopy {i}")))),
                default))));

        Assert.All(outcomes, o => Assert.True(o.Ok, $"{o.Code}: {o.Message}"));
        Assert.Single(outcomes.Select(o => o.RecordId).Distinct());
        Assert.Equal(1, await fixture.Store.CountRecordsAsync(ImportFixture.Repository, default));
        Assert.Equal(12, (await fixture.HistoryAsync(outcomes[0].RecordId!)).Count);
    }
}
