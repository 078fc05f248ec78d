using Marcgate.Catalog.Administration;
using Marcgate.Catalog.Tests.Import;
using Marcgate.Gateway;
using Marcgate.Marc.Iso2709;

namespace Marcgate.Catalog.Tests.Administration;

public sealed class ReceiptSearchTests
{
    [Fact]
    public async Task Receipts_are_filtered_by_logon_outcome_reply_code_and_time()
    {
        await using var fixture = await ImportFixture.CreateAsync(GatewayImportServiceTests.Lenient());
        await fixture.SendAsync(RecordBuilder.Bib(' ', "035 ## $a(OCoLC)5", "245 10 $aAdded"));
        await fixture.SendAsync(Iso2709Writer.Write(RecordBuilder.Bib(' ', "245 10 $aX")), password: "wrong");
        await fixture.SendAsync(Iso2709Writer.Write(RecordBuilder.Bib(' ', "245 10 $aX")), logonId: "STRANGER");
        var search = new ReceiptSearch(fixture.Store);

        var ok = await search.FindAsync(null, "ok", null, correlationId: null, 20, default);
        var errors = await search.FindAsync(null, "error", null, correlationId: null, 20, default);
        var logonFailed = await search.FindAsync(ImportFixture.LogonId, GatewayReplyCodes.LogonFailed, null, correlationId: null, 20, default);
        var added = await search.FindAsync(null, "added", null, correlationId: null, 20, default);
        var future = await search.FindAsync(null, null, DateTimeOffset.UtcNow.AddDays(1), correlationId: null, 20, default);
        var stranger = await search.FindAsync("STRANGER", null, DateTimeOffset.UtcNow.AddDays(-1), correlationId: null, 20, default);

        Assert.Equal("added", Assert.Single(ok.Value!).Action);
        Assert.Equal(2, errors.Value!.Count);
        Assert.Equal(ImportFixture.LogonId, Assert.Single(logonFailed.Value!).LogonId);
        Assert.Single(added.Value!);
        Assert.Empty(future.Value!);
        Assert.Equal("STRANGER", Assert.Single(stranger.Value!).LogonId);
    }

    [Fact]
    public async Task Unknown_outcomes_and_counts_are_refused()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        var search = new ReceiptSearch(fixture.Store);

        var outcome = await search.FindAsync(null, "fine", null, correlationId: null, 20, default);
        var count = await search.FindAsync(null, null, null, correlationId: null, 0, default);

        Assert.Equal(AdministrationStatus.Refused, outcome.Status);
        Assert.Contains("logon-failed", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(AdministrationStatus.Refused, count.Status);
    }
}
