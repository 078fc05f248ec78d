using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres.Tests;

/// <summary>
/// The group-commit writer: concurrent commits share transactions, and a batch that meets a conflict (here with the
/// other node, on shared OCLC numbers) still answers each caller with the outcome of its own write.
/// </summary>
public sealed class PostgresGroupCommitTests : IAsyncLifetime
{
    private const string Network = "NETWORK";
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private TestSchema? _schema;
    private PostgresCatalogStore? _first;
    private PostgresCatalogStore? _second;

    public async Task InitializeAsync()
    {
        _schema = await TestSchema.CreateAsync();
        _first = await PostgresCatalogStore.OpenAsync(_schema.Location);
        _second = await PostgresCatalogStore.OpenAsync(_schema.Location);
        await _first.AddRepositoryAsync(Network, s_t0, default);
    }

    public async Task DisposeAsync()
    {
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
        await _schema!.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_commits_share_transactions_and_each_caller_hears_its_own_outcome()
    {
        // 300 adds per node at once; every tenth number is sent to both nodes, so some batches meet a conflict.
        var sends = Enumerable.Range(0, 600)
            .Select(i => (Store: i % 2 == 0 ? _first! : _second!, Number: 6_000_000L + (i / 2 % 10 == 0 ? i / 2 : i), Text: $"record {i}"))
            .ToList();
        using var start = new ManualResetEventSlim();
        var tasks = sends.Select(send => Task.Run(async () =>
        {
            start.Wait();
            return await send.Store.CommitAsync(Commit(send.Text, send.Number), default);
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(tasks);
        var receipts = new List<long>();

        var numbers = sends.Select(s => s.Number).Distinct().ToList();
        Assert.Equal(numbers.Count, results.Count(r => r.Status == CommitStatus.Added));
        foreach (var number in numbers)
        {
            var stored = Assert.Single(await _first!.FindByOclcNumbersAsync(Network, [new OclcNumber(number)], default));
            var answers = sends.Select((send, i) => (send, result: results[i])).Where(x => x.send.Number == number).ToList();
            var added = Assert.Single(answers, a => a.result.Status == CommitStatus.Added);
            Assert.Equal(stored.Id, added.result.RecordId);
            Assert.Equal(added.send.Text, System.Text.Encoding.UTF8.GetString(stored.Content.Span));
            receipts.Add(added.result.ReceiptId!.Value);
            Assert.All(answers.Where(a => a != added), a => Assert.Equal((CommitStatus.OclcNumberConflict, stored.Id), (a.result.Status, a.result.RecordId)));
        }

        // One receipt per record kept, none for the writes that were undone, each the one its caller was told of.
        var all = await _first!.ListReceiptsAsync(0, 10_000, default);
        Assert.Equal(receipts.Order(), all.Select(r => r.Id).Order());
        Assert.True(_first!.CommittedBatches + _second!.CommittedBatches > 0);
        Assert.True(_first.BatchedWrites + _second.BatchedWrites >= 2 * (_first.CommittedBatches + _second.CommittedBatches));
    }

    [Fact]
    public async Task An_add_whose_number_is_held_undoes_its_batch_and_every_other_write_is_still_kept()
    {
        // A batch's adds and its COMMIT go out in one round trip; a held number is an error there, before the COMMIT.
        for (var round = 0; round < 5; round++)
        {
            var heldNumber = 6_500_000L + (round * 1000);
            var holder = await _second!.CommitAsync(Commit($"holder {round}", heldNumber), default);
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return i == 20
                    ? await _first!.CommitAsync(Commit($"copy {round}", heldNumber), default)
                    : await _first!.CommitAsync(Commit($"record {round}.{i}", heldNumber + 1 + i), default);
            })).ToArray();
            start.Set();
            var results = await Task.WhenAll(tasks);

            Assert.Equal((CommitStatus.OclcNumberConflict, holder.RecordId), (results[20].Status, results[20].RecordId));
            for (var i = 0; i < 40; i++)
            {
                if (i == 20)
                {
                    continue;
                }

                Assert.Equal(CommitStatus.Added, results[i].Status);
                var stored = Assert.Single(await _second.FindByOclcNumbersAsync(Network, [new OclcNumber(heldNumber + 1 + i)], default));
                Assert.Equal((results[i].RecordId, $"record {round}.{i}"), (stored.Id, System.Text.Encoding.UTF8.GetString(stored.Content.Span)));
            }

            Assert.Equal("holder " + round, System.Text.Encoding.UTF8.GetString(Assert.Single(await _first!.FindByOclcNumbersAsync(Network, [new OclcNumber(heldNumber)], default)).Content.Span));
        }

        // One receipt per record added (each round's holder and 39 others), none for the copies.
        Assert.Equal(5 * (1 + 39), (await _first!.ListReceiptsAsync(0, 10_000, default)).Count);
    }

    [Fact]
    public async Task Receipts_and_adds_sent_together_each_get_their_own_ids()
    {
        using var start = new ManualResetEventSlim();
        var adds = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (object)await _first!.CommitAsync(Commit($"record {i}", 6_800_000L + i), default);
        }));
        var receipts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (object)await _first!.AppendReceiptAsync(new Receipt(s_t0, "192.0.2.11", "L", null, Ok: false) { Code = "logon-failed", Message = $"failure {i}" }, default);
        }));
        var all = adds.Concat(receipts).ToArray();
        start.Set();
        var results = await Task.WhenAll(all);

        var stored = (await _first!.ListReceiptsAsync(0, 10_000, default)).ToDictionary(r => r.Id);
        Assert.Equal(100, stored.Count);
        Assert.All(results.OfType<CommitResult>(), r => Assert.Equal("added", stored[r.ReceiptId!.Value].Action));
        Assert.All(results.OfType<Receipt>(), r => Assert.Equal(r.Message, stored[r.Id].Message));
        Assert.Equal(100, results.OfType<CommitResult>().Select(r => r.ReceiptId).Concat(results.OfType<Receipt>().Select(r => (long?)r.Id)).Distinct().Count());
    }

    private static RecordCommit Commit(string text, long number) =>
        new(Network, System.Text.Encoding.UTF8.GetBytes(text), [new OclcNumber(number)], s_t0, "192.0.2.10") { PrimaryOclcNumber = new OclcNumber(number) };
}
