using Marcgate.Catalog.Storage;

namespace Marcgate.Storage.Postgres.Tests;

/// <summary>Two stores on one database stand for two host nodes: what must hold between them is held by the database.</summary>
public sealed class PostgresTwoNodeTests : IAsyncLifetime
{
    private const string Network = "NETWORK";
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private TestSchema? _schema;
    private PostgresCatalogStore? _first;
    private PostgresCatalogStore? _second;

    private PostgresCatalogStore First => _first!;

    private PostgresCatalogStore Second => _second!;

    public async Task InitializeAsync()
    {
        _schema = await TestSchema.CreateAsync();
        _first = await PostgresCatalogStore.OpenAsync(_schema.Location);
        _second = await PostgresCatalogStore.OpenAsync(_schema.Location);
        await First.AddRepositoryAsync(Network, s_t0, default);
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        await _schema!.DisposeAsync();
    }

    [Fact]
    public async Task Two_nodes_adding_one_OCLC_number_at_once_store_one_record()
    {
        for (var round = 0; round < 20; round++)
        {
            var number = 5_000_000 + round;
            using var start = new ManualResetEventSlim();
            var adds = new[] { First, Second, First, Second }
                .Select((store, i) => Task.Run(async () =>
                {
                    start.Wait();
                    return await store.CommitAsync(Commit($"node copy {round}.{i}", number), default);
                }))
                .ToArray();
            start.Set();

            var results = await Task.WhenAll(adds);

            Assert.Equal(1, results.Count(r => r.Status == CommitStatus.Added));
            var winner = results.Single(r => r.Status == CommitStatus.Added).RecordId;
            Assert.All(results.Where(r => r.Status != CommitStatus.Added), r => Assert.Equal((CommitStatus.OclcNumberConflict, winner), (r.Status, r.RecordId)));
            Assert.Single(await Second.FindByOclcNumbersAsync(Network, [new OclcNumber(number)], default));
        }

        Assert.Equal(20, await First.CountRecordsAsync(Network, default));
    }

    [Fact]
    public async Task Two_nodes_adding_one_record_without_numbers_at_once_store_one_record()
    {
        for (var round = 0; round < 20; round++)
        {
            var content = System.Text.Encoding.UTF8.GetBytes($"no number {round}");
            using var start = new ManualResetEventSlim();
            var adds = new[] { First, Second, First, Second }
                .Select(store => Task.Run(async () =>
                {
                    start.Wait();
                    return await store.CommitAsync(new RecordCommit(Network, content, [], s_t0, "192.0.2.10") { MatchOnContent = true }, default);
                }))
                .ToArray();
            start.Set();

            var results = await Task.WhenAll(adds);

            var winner = Assert.Single(results, r => r.Status == CommitStatus.Added).RecordId;
            Assert.All(results.Where(r => r.Status != CommitStatus.Added), r => Assert.Equal((CommitStatus.ContentConflict, winner), (r.Status, r.RecordId)));
        }

        Assert.Equal(20, await Second.CountRecordsAsync(Network, default));
    }

    [Fact]
    public async Task Two_nodes_overlaying_one_record_keep_every_version_in_order()
    {
        var added = await First.CommitAsync(Commit("version 1", 700), default);
        const int overlaysPerNode = 15;

        async Task OverlayAsync(PostgresCatalogStore store, string node)
        {
            for (var i = 0; i < overlaysPerNode; i++)
            {
                while (true)
                {
                    var current = (await store.GetRecordAsync(Network, added.RecordId!.Value, default))!;
                    var result = await store.CommitAsync(Commit($"{node} overlay {i}", 700) with { ExistingId = current.Id, ExpectedVersion = current.Version }, default);
                    if (result.Succeeded)
                    {
                        break;
                    }

                    Assert.Equal(CommitStatus.VersionConflict, result.Status);
                }
            }
        }

        await Task.WhenAll(Task.Run(() => OverlayAsync(First, "first")), Task.Run(() => OverlayAsync(Second, "second")));

        var history = await Second.GetHistoryAsync(Network, added.RecordId!.Value, default);
        Assert.Equal(Enumerable.Range(1, 1 + (2 * overlaysPerNode)), history.Select(v => v.Version));
        Assert.Equal(overlaysPerNode, history.Count(v => v.Content.Span.StartsWith("first"u8)));
        Assert.Equal(overlaysPerNode, history.Count(v => v.Content.Span.StartsWith("second"u8)));
        Assert.Equal(history[^1].ContentHash, (await First.GetRecordAsync(Network, added.RecordId.Value, default))!.ContentHash);
    }

    [Fact]
    public async Task Lockout_counters_are_shared_and_each_failure_gets_its_own_count()
    {
        var key = LockoutKey.ForLogonId("NETCAT1");
        var window = TimeSpan.FromMinutes(15);

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? First : Second).RecordLogonFailureAsync(key, s_t0.AddSeconds(1), window, default))));

        Assert.Equal(Enumerable.Range(1, 20), counts.Order());
        Assert.Equal(20, await Second.CountLogonFailuresAsync(key, s_t0, default));
        await First.ClearLogonFailuresAsync(key, default);
        Assert.Equal(0, await Second.CountLogonFailuresAsync(key, s_t0, default));
    }

    [Fact]
    public async Task Two_nodes_resolving_one_review_item_at_once_resolve_it_once()
    {
        for (var round = 0; round < 10; round++)
        {
            var item = await First.AddReviewItemAsync(
                new ReviewItem(Network, System.Text.Encoding.UTF8.GetBytes($"ambiguous {round}"), [new RecordId(1), new RecordId(2)], "Several matches.", s_t0), default);
            using var start = new ManualResetEventSlim();
            var resolutions = new[] { First, Second, First, Second }
                .Select((store, i) => Task.Run(async () =>
                {
                    start.Wait();
                    return await store.ResolveReviewItemAsync(
                        new ReviewResolution(item.Id, ReviewDecision.AddedAsNew, $"cataloger{i}", s_t0.AddHours(1)),
                        Commit($"resolved copy {round}.{i}", 6_000_000 + (10 * round) + i),
                        default);
                }))
                .ToArray();
            start.Set();

            var results = await Task.WhenAll(resolutions);

            var winner = Assert.Single(results, r => r.Resolved);
            Assert.Equal(CommitStatus.Added, winner.Commit!.Status);
            Assert.All(results.Where(r => !r.Resolved), r => Assert.Null(r.Commit));
            Assert.Equal(winner.Commit.RecordId, (await Second.GetReviewItemAsync(item.Id, default))!.Resolution!.RecordId);
        }

        Assert.Equal(10, await First.CountRecordsAsync(Network, default));
        Assert.Empty(await Second.ListReviewItemsAsync(Network, 100, default));
    }

    [Fact]
    public async Task A_repository_removed_while_another_node_commits_into_it_leaves_nothing_behind()
    {
        const string sandbox = "SANDBOX";
        await First.AddRepositoryAsync(sandbox, s_t0, default);
        using var removed = new CancellationTokenSource();
        var committed = 0;
        var refused = 0;
        var commits = Task.Run(async () =>
        {
            for (var i = 0; !removed.IsCancellationRequested || refused == 0; i++)
            {
                try
                {
                    await Second.CommitAsync(Commit($"sandbox record {i}", 7_000_000 + i) with { Repository = sandbox }, default);
                    committed++;
                }
                catch (UnknownRepositoryException)
                {
                    refused++;
                }
            }
        });

        while (Volatile.Read(ref committed) < 20)
        {
            await Task.Delay(5);
        }

        Assert.True(await First.RemoveRepositoryAsync(sandbox, default));
        await removed.CancelAsync();
        await commits;

        Assert.True(refused > 0);
        Assert.False(await Second.RepositoryExistsAsync(sandbox, default));
        Assert.Equal(0, await Second.CountRecordsAsync(sandbox, default));
        Assert.Empty(await Second.FindByOclcNumbersAsync(sandbox, [.. Enumerable.Range(0, committed + 1).Select(i => new OclcNumber(7_000_000 + i))], default));
    }

    private static RecordCommit Commit(string text, long number) =>
        new(Network, System.Text.Encoding.UTF8.GetBytes(text), [new OclcNumber(number)], s_t0, "192.0.2.10") { PrimaryOclcNumber = new OclcNumber(number) };
}
