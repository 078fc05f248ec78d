using System.Security.Cryptography;
using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Receipts_since_a_time_are_tallied_by_outcome_most_frequent_first()
    {
        await Store.AppendReceiptAsync(new Receipt(T0.AddSeconds(-1), "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "logon-failed" }, default);
        await Store.AppendReceiptAsync(new Receipt(T0, "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "logon-failed" }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddSeconds(1), "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "invalid-record" }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddSeconds(2), "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "logon-failed" }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddSeconds(3), "192.0.2.1", "NETCAT1", null, Ok: true) { Action = "staged" }, default);
        await Store.AppendReceiptAsync(new Receipt(T0.AddSeconds(4), "192.0.2.1", null, null, Ok: false), default);

        var tallies = await Store.TallyReceiptsAsync(T0, default);

        Assert.Equal(
            [new ReceiptTally(false, "logon-failed", 2), new ReceiptTally(false, string.Empty, 1), new ReceiptTally(false, "invalid-record", 1), new ReceiptTally(true, "staged", 1)],
            tallies);
        Assert.Empty(await Store.TallyReceiptsAsync(T0.AddMinutes(1), default));
    }

    [Fact]
    public async Task The_stores_size_grows_with_what_it_holds()
    {
        var before = await Store.MeasureSizeAsync(default);
        for (var i = 0; i < 200; i++)
        {
            await Store.AppendReceiptAsync(new Receipt(T0, "192.0.2.1", "NETCAT1", null, Ok: false) { Code = "invalid-record", Message = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1500)) }, default);
        }

        Assert.True(before > 0, $"size {before}");
        // 400 kB of messages that do not compress (PostgreSQL compresses long values).
        Assert.True(await Store.MeasureSizeAsync(default) > before + 100_000, "400 kB of receipts were added");
    }
}
