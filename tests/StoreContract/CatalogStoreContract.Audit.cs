using System.Text;
using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Contract;

public abstract partial class CatalogStoreContract
{
    [Fact]
    public async Task Receipts_round_trip_and_the_last_n_come_oldest_first()
    {
        for (var i = 1; i <= 5; i++)
        {
            var appended = await Store.AppendReceiptAsync(
                new Receipt(T0.AddSeconds(i), $"198.51.100.{i}", $"LOGON{i}", null, Ok: false)
                {
                    Code = "logon-failed",
                    Message = "Logon failed--the logon ID and/or password is not valid.",
                },
                default);
            Assert.True(appended.Id > 0);
        }

        var last = await Store.GetLastReceiptsAsync(3, default);

        Assert.Equal(["LOGON3", "LOGON4", "LOGON5"], last.Select(r => r.LogonId));
        Assert.True(last[0].Id < last[1].Id && last[1].Id < last[2].Id);
        Assert.Equal(T0.AddSeconds(3), last[0].At);
        Assert.Equal("198.51.100.3", last[0].PeerAddress);
        Assert.False(last[0].Ok);
        Assert.Equal("logon-failed", last[0].Code);
        Assert.Null(last[0].Action);
        Assert.Null(last[0].RecordId);
        Assert.Null(last[0].UserId);
        Assert.Equal("Logon failed--the logon ID and/or password is not valid.", last[0].Message);
        Assert.Empty(await Store.GetLastReceiptsAsync(0, default));
        Assert.Equal(5, (await Store.GetLastReceiptsAsync(50, default)).Count);
    }

    [Fact]
    public async Task Nothing_persisted_holds_a_password()
    {
        // Only the hash of this password reaches the store; a store that kept the text anywhere fails.
        const string password = "Tr0ub4dor&3-unique-marker";
        byte[] salt = [.. Enumerable.Repeat((byte)5, 16)];
        var hash = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        await Store.SaveAccountAsync(new Account("NETCAT1", Network, "default", new PasswordHash(hash, salt, 1000)), default);
        await Store.AppendReceiptAsync(new Receipt(T0, "192.0.2.1", "NETCAT1", "jdoe", Ok: false) { Code = "logon-failed" }, default);
        await Store.RecordLogonFailureAsync(LockoutKey.ForLogonId("NETCAT1"), T0, TimeSpan.FromMinutes(15), default);
        await Store.CommitAsync(Add(Network, "a record", 1), default);
        await ReopenAsync();

        var persisted = await ReadEverythingPersistedAsync();

        Assert.True(persisted.AsSpan().IndexOf("NETCAT1"u8) >= 0, "The dump should show what was stored.");
        Assert.True(persisted.AsSpan().IndexOf(Encoding.UTF8.GetBytes(password)) < 0);
        Assert.True(persisted.AsSpan().IndexOf(Encoding.Unicode.GetBytes(password)) < 0);
    }

    [Fact]
    public async Task Records_with_several_matches_are_kept_for_review()
    {
        var first = await Store.AddReviewItemAsync(
            new ReviewItem(Network, Content("ambiguous"), [new RecordId(12), new RecordId(34)], "Matches records 000012 and 000034.", T0)
            {
                LogonId = "NETCAT1",
                UserId = "jdoe",
                PeerAddress = "192.0.2.9",
            },
            default);
        await Store.AddReviewItemAsync(new ReviewItem(Sandbox, Content("other"), [new RecordId(5), new RecordId(6)], "Several matches.", T0.AddMinutes(1)), default);
        await Store.AddReviewItemAsync(new ReviewItem(Network, Content("third"), [new RecordId(7), new RecordId(8)], "Several matches.", T0.AddMinutes(2)), default);

        var all = await Store.ListReviewItemsAsync(null, 10, default);
        var network = await Store.ListReviewItemsAsync(Network, 10, default);

        Assert.True(first.Id > 0);
        Assert.Equal(3, all.Count);
        Assert.Equal([Network, Sandbox, Network], all.Select(i => i.Repository));
        Assert.Equal(2, network.Count);
        var read = network[0];
        Assert.Equal(first.Id, read.Id);
        Assert.Equal(Content("ambiguous"), read.Content.ToArray());
        Assert.Equal([new RecordId(12), new RecordId(34)], read.CandidateIds);
        Assert.Equal("Matches records 000012 and 000034.", read.Reason);
        Assert.Equal(T0, read.At);
        Assert.Equal("NETCAT1", read.LogonId);
        Assert.Equal("jdoe", read.UserId);
        Assert.Equal("192.0.2.9", read.PeerAddress);
        Assert.Single(await Store.ListReviewItemsAsync(null, 1, default));
        await Assert.ThrowsAsync<UnknownRepositoryException>(
            () => Store.AddReviewItemAsync(new ReviewItem("NOWHERE", Content("x"), [], "x", T0), default));
    }
}
