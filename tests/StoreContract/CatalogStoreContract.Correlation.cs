using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    private const string FirstCorrelation = "01KBV0RR000000A1";
    private const string SecondCorrelation = "01KBV0RR000010A1";

    [Fact]
    public async Task A_receipt_keeps_its_correlation_id_however_it_was_written()
    {
        var appended = await Store.AppendReceiptAsync(
            new Receipt(T0, "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "logon-failed", CorrelationId = FirstCorrelation }, default);
        var added = await Store.CommitAsync(Add(Network, "a record", 5) with { CorrelationId = SecondCorrelation }, default);
        var unchanged = await Store.CommitAsync(Add(Network, "a record", 5) with { ExistingId = added.RecordId, ExpectedVersion = 1, CorrelationId = "01KBV0RR000020A1" }, default);
        var copied = new Receipt(T0.AddMinutes(1), "198.51.100.7", "NETCAT1", "jdoe", Ok: true)
        {
            Id = 900,
            Action = "added",
            Repository = Network,
            CorrelationId = "01KBV0RR000030A1",
        };
        Assert.True(await Store.ImportReceiptAsync(copied, default));
        var without = await Store.AppendReceiptAsync(new Receipt(T0, "192.0.2.2", null, null, Ok: false) { Code = "bad-request" }, default);
        await ReopenAsync();

        Assert.Equal(CommitStatus.Unchanged, unchanged.Status);
        var all = await Store.ListReceiptsAsync(0, 100, default);
        Assert.Equal(
            [(appended.Id, FirstCorrelation), (added.ReceiptId!.Value, SecondCorrelation), (unchanged.ReceiptId!.Value, "01KBV0RR000020A1"), (900L, "01KBV0RR000030A1"), (without.Id, null)],
            all.Select(r => (r.Id, r.CorrelationId)));
        Assert.Equal(copied, all.Single(r => r.Id == 900));
        Assert.Equal(all.Select(r => r.CorrelationId), (await Store.GetLastReceiptsAsync(100, default)).Select(r => r.CorrelationId));
    }

    [Fact]
    public async Task Receipts_are_found_by_correlation_id_with_the_other_filters()
    {
        await AppendMixedReceiptsAsync();
        await Store.AppendReceiptAsync(new Receipt(T0.AddMinutes(6), "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "invalid-record", CorrelationId = FirstCorrelation }, default);
        await Store.CommitAsync(Add(Network, "a record", 7) with { At = T0.AddMinutes(7), LogonId = "NETCAT1", CorrelationId = SecondCorrelation }, default);

        var first = await Store.FindReceiptsAsync(new ReceiptQuery { CorrelationId = FirstCorrelation }, default);
        var second = await Store.FindReceiptsAsync(new ReceiptQuery { CorrelationId = SecondCorrelation, LogonId = "NETCAT1", Code = "added", Since = T0.AddMinutes(7) }, default);

        Assert.Equal(("invalid-record", T0.AddMinutes(6)), (Assert.Single(first).Code, first[0].At));
        Assert.Equal((Network, new OclcNumber(7)), (Assert.Single(second).Repository, second[0].OclcNumber));
        Assert.Empty(await Store.FindReceiptsAsync(new ReceiptQuery { CorrelationId = SecondCorrelation, Ok = false }, default));
        Assert.Empty(await Store.FindReceiptsAsync(new ReceiptQuery { CorrelationId = FirstCorrelation.ToLowerInvariant() }, default));
        Assert.Empty(await Store.FindReceiptsAsync(new ReceiptQuery { CorrelationId = "01KBV0RR0000ZZZZ" }, default));
        Assert.Equal(8, (await Store.FindReceiptsAsync(new ReceiptQuery { Limit = 100 }, default)).Count);
    }
}
