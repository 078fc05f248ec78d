using Marcgate.Catalog.Import;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Tests;

namespace Marcgate.Catalog.Tests.Import;

public sealed class ImportCorrelationTests
{
    private static readonly string s_connexion = TestFiles.Marc("valid/oclc_63111280_export_as_UTF8_from_connexion.mrc");

    [Fact]
    public void An_id_is_the_time_the_sequence_and_the_process_tag_in_crockford_base32()
    {
        // 2026-12-07T14:00:00Z = 1,796,652,000,000 ms; sequence 1, tag 0x3FFF.
        var id = ImportCorrelation.Format(1_796_652_000_000, 1, 0x3FFF);

        Assert.Equal(ImportCorrelation.IdLength, id.Length);
        Assert.Equal(Convert.ToString(1_796_652_000_000, 2).PadLeft(50, '0'), Bits(id[..10]));
        Assert.Equal("0000000000000001" + "11111111111111", Bits(id[10..]));
        Assert.Equal("0000000000" + "000000", ImportCorrelation.Format(0, 0, 0));
        Assert.Equal("ZZZZZZZZZZ" + "ZZZZZZ", ImportCorrelation.Format((1L << 50) - 1, 0xFFFF, 0x3FFF));
    }

    [Fact]
    public void Ids_made_one_after_another_all_differ_and_sort_in_the_order_they_were_made()
    {
        var ids = Enumerable.Range(0, 100_000).Select(_ => ImportCorrelation.NewId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.True(ImportCorrelation.TryNormalize(id, out var same) && same == id));
    }

    [Fact]
    public async Task Ids_made_on_many_threads_at_once_never_repeat()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 20_000).Select(_ => ImportCorrelation.NewId()).ToList())));

        Assert.Equal(160_000, batches.SelectMany(b => b).Distinct(StringComparer.Ordinal).Count());
        Assert.All(batches, batch => Assert.Equal(batch, batch.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("01jexk8t9q02g7mz", "01JEXK8T9Q02G7MZ")]
    [InlineData(" 01JEXK8T9Q02G7MZ\n", "01JEXK8T9Q02G7MZ")]
    [InlineData("O1JEXK8T9QO2G7MZ", "01JEXK8T9Q02G7MZ")]
    [InlineData("01JEXK8T9Q02GIML", "01JEXK8T9Q02G1M1")]
    public void A_typed_id_is_read_in_any_case_with_crockfords_look_alike_letters(string typed, string expected)
    {
        Assert.True(ImportCorrelation.TryNormalize(typed, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01JEXK8T9Q02G7M")]
    [InlineData("01JEXK8T9Q02G7MZZ")]
    [InlineData("01JEXK8T9Q02G7MU")]
    [InlineData("01JEXK8T9Q02G7M-")]
    public void Text_that_is_not_an_id_is_refused(string? text) => Assert.False(ImportCorrelation.TryNormalize(text, out _));

    [Fact]
    public async Task The_pipeline_keeps_the_callers_id_on_the_receipt_and_makes_one_when_none_is_given()
    {
        await using var fixture = await ImportFixture.CreateAsync();
        var bytes = ImportFixture.RecordsOf(s_connexion).Single();
        var given = ImportCorrelation.NewId();

        var added = await fixture.Service.ImportAsync(
            new ImportRequest(ImportFixture.LogonId, ImportFixture.Password, null, ImportFixture.Peer, fixture.Service.Read(bytes)) { CorrelationId = given }, default);
        var refused = await fixture.SendAsync(bytes, password: "wrong");
        var receipts = await fixture.Store.GetLastReceiptsAsync(2, default);

        Assert.Equal((GatewayReplyCodes.Added, given), (added.Action, added.CorrelationId));
        Assert.Equal((given, true), (receipts[0].CorrelationId, receipts[0].Ok));
        Assert.Equal(GatewayReplyCodes.LogonFailed, refused.Code);
        Assert.NotNull(refused.CorrelationId);
        Assert.NotEqual(given, refused.CorrelationId);
        Assert.Equal((refused.CorrelationId, false), (receipts[1].CorrelationId, receipts[1].Ok));
        Assert.Single(await fixture.Store.FindReceiptsAsync(new ReceiptQuery { CorrelationId = given }, default));
    }

    private static string Bits(string base32) =>
        string.Concat(base32.Select(c => Convert.ToString("0123456789ABCDEFGHJKMNPQRSTVWXYZ".IndexOf(c), 2).PadLeft(5, '0')));
}
