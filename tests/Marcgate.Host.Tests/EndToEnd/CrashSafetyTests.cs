using System.Collections.Concurrent;
using System.Text;
using Marcgate.Catalog.Storage;
using Marcgate.Gateway;
using Marcgate.Storage.Sqlite;

namespace Marcgate.Host.Tests.EndToEnd;

/// <summary>Gateway §7 step 8: an <c>ok</c> reply means the record survives a crash; a retry after one creates no duplicate.</summary>
public sealed class CrashSafetyTests
{
    private const int RecordCount = 2000;
    private const int Clients = 8;
    private const long FirstOclcNumber = 81_000_000;

    [Fact]
    public async Task S7_step8_records_answered_ok_survive_SIGKILL_and_sending_all_again_creates_no_duplicate()
    {
        var data = Path.Combine(Path.GetTempPath(), "marcgate-crash-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var store = await SqliteCatalogStore.OpenAsync(data))
            {
                await CatalogHost.SeedAsync(store);
            }

            var answeredOk = new ConcurrentDictionary<int, byte>();
            using (var host = await HostProcess.StartAsync(data))
            {
                // Kill while the clients are mid-stream: after a quarter of the records were answered.
                await SendAllAsync(host, (index, reply) =>
                {
                    if (reply?.Status == "ok")
                    {
                        answeredOk[index] = 0;
                        if (answeredOk.Count == RecordCount / 4)
                        {
                            host.KillHard();
                        }
                    }
                });
            }

            Assert.InRange(answeredOk.Count, RecordCount / 4, RecordCount - 1);

            var again = new ConcurrentDictionary<int, Reply?>();
            using (var host = await HostProcess.StartAsync(data))
            {
                await SendAllAsync(host, (index, reply) => again[index] = reply);
            }

            Assert.Equal(RecordCount, again.Count);
            Assert.All(again, a => Assert.Equal("ok", a.Value?.Status));
            Assert.All(answeredOk.Keys, index => Assert.Equal(GatewayReplyCodes.Unchanged, again[index]!.Action));

            await using (var store = await SqliteCatalogStore.OpenAsync(data))
            {
                Assert.Equal(RecordCount, await store.CountRecordsAsync(CatalogHost.Repository, default));
                foreach (var index in answeredOk.Keys.Take(200))
                {
                    var found = await store.FindByOclcNumbersAsync(CatalogHost.Repository, [new OclcNumber(FirstOclcNumber + index)], default);
                    Assert.Single(found);
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is harmless.
            }
        }
    }

    // Eight clients, one record per connection, each record once; a client stops at its first failure (the host died).
    private static async Task SendAllAsync(HostProcess host, Action<int, Reply?> onReply)
    {
        var next = -1;
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            for (var index = Interlocked.Increment(ref next); index < RecordCount; index = Interlocked.Increment(ref next))
            {
                Reply? reply;
                try
                {
                    await using var client = await GatewayTestClient.ConnectAsync(host.EndPoint);
                    await client.SendAsync(Records.Concat(CatalogHost.Logon(), RecordNumbered(index), [0]));
                    var text = await client.ReadReplyAsync();
                    reply = text is null ? null : Reply.Parse(text);
                }
                catch (System.Net.Sockets.SocketException)
                {
                    reply = null;
                }

                onReply(index, reply);
                if (reply is null)
                {
                    return;
                }
            }
        })).ToArray();
        await Task.WhenAll(clients);
    }

    // The sample record with its OCLC number (001 and 035 $a, same length) made unique.
    private static byte[] RecordNumbered(int index)
    {
        var record = Records.Sample.ToArray();
        var number = Encoding.ASCII.GetBytes((FirstOclcNumber + index).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var text = Encoding.ASCII.GetString(record);
        for (var at = text.IndexOf("63111280", StringComparison.Ordinal); at >= 0; at = text.IndexOf("63111280", at + 1, StringComparison.Ordinal))
        {
            number.CopyTo(record, at);
        }

        return record;
    }
}
