using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    private async Task AppendMixedReceiptsAsync()
    {
        await Store.AppendReceiptAsync(new Receipt(T0, "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "logon-failed" }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddMinutes(1), "192.0.2.1", "NETCAT1", "jdoe", Ok: true) { Action = "added", Repository = Network }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddMinutes(2), "192.0.2.2", "SANDCAT", null, Ok: true) { Action = "overlaid", Repository = Sandbox }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddMinutes(3), "192.0.2.1", "NETCAT1", "jdoe", Ok: false) { Code = "invalid-record", Repository = Network }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddMinutes(4), "192.0.2.3", null, null, Ok: false) { Code = "bad-request" }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddMinutes(5), "192.0.2.1", "NETCAT1", "jdoe", Ok: true) { Action = "added", Repository = Network }, default);
    }

    [Fact]
    public async Task Receipts_are_found_by_logon_id_outcome_code_and_time()
    {
        await AppendMixedReceiptsAsync();

        var byLogon = await Store.FindReceiptsAsync(new ReceiptQuery { LogonId = "NETCAT1", Limit = 100 }, default);
        var failures = await Store.FindReceiptsAsync(new ReceiptQuery { Ok = false, Limit = 100 }, default);
        var added = await Store.FindReceiptsAsync(new ReceiptQuery { Code = "added", Limit = 100 }, default);
        var invalid = await Store.FindReceiptsAsync(new ReceiptQuery { Code = "invalid-record", Limit = 100 }, default);
        var since = await Store.FindReceiptsAsync(new ReceiptQuery { Since = T0.AddMinutes(3), Limit = 100 }, default);
        var all = await Store.FindReceiptsAsync(new ReceiptQuery { LogonId = "NETCAT1", Ok = true, Code = "added", Since = T0.AddMinutes(2) }, default);

        Assert.Equal([T0, T0.AddMinutes(1), T0.AddMinutes(3), T0.AddMinutes(5)], byLogon.Select(r => r.At));
        Assert.Equal(["logon-failed", "invalid-record", "bad-request"], failures.Select(r => r.Code));
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(5)], added.Select(r => r.At));
        Assert.Equal(T0.AddMinutes(3), Assert.Single(invalid).At);
        Assert.Equal([T0.AddMinutes(3), T0.AddMinutes(4), T0.AddMinutes(5)], since.Select(r => r.At));
        Assert.Equal(T0.AddMinutes(5), Assert.Single(all).At);
        Assert.Empty(await Store.FindReceiptsAsync(new ReceiptQuery { LogonId = "netcat1" }, default));
    }

    [Fact]
    public async Task Found_receipts_are_the_latest_matches_oldest_first()
    {
        await AppendMixedReceiptsAsync();

        var lastTwo = await Store.FindReceiptsAsync(new ReceiptQuery { LogonId = "NETCAT1", Limit = 2 }, default);
        var everything = await Store.FindReceiptsAsync(new ReceiptQuery { Limit = 100 }, default);

        Assert.Equal([T0.AddMinutes(3), T0.AddMinutes(5)], lastTwo.Select(r => r.At));
        Assert.True(lastTwo[0].Id < lastTwo[1].Id);
        Assert.Equal("jdoe", lastTwo[1].UserId);
        Assert.Equal(Network, lastTwo[1].Repository);
        Assert.Equal((await Store.GetLastReceiptsAsync(100, default)).Select(r => r.Id), everything.Select(r => r.Id));
        Assert.Empty(await Store.FindReceiptsAsync(new ReceiptQuery { Limit = 0 }, default));
    }
}
