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

    private static RecordCommit Commit(string text, long number) =>
        new(Network, System.Text.Encoding.UTF8.GetBytes(text), [new OclcNumber(number)], s_t0, "192.0.2.10") { PrimaryOclcNumber = new OclcNumber(number) };
}
